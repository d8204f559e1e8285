// Table type of the versioned-document module (migration 0013); merged into DB in schema.ts.
import type { Generated } from 'kysely';

export type DocumentStatus = 'draft' | 'published' | 'superseded';

export interface DocumentTable {
  kind: string;
  key: string;
  version: number;
  status: DocumentStatus;
  active: Generated<boolean>;
  definition: unknown;
  based_on: string | null;
  note: string | null;
  created_by: number | null;
  created_name: Generated<string>;
  created_at: Generated<Date>;
  published_at: Date | null;
  published_name: string | null;
}

export interface DocumentTables {
  documents: DocumentTable;
}
