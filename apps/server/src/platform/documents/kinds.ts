// What a kind of versioned document declares: how its definitions are checked and normalised, who
// may read it, whether each key has its own version in force or one key is in force for the whole
// kind, and the versions griddesk ships.
import type { ApiErrorField, RouteAccess, Text } from '@griddesk/shared';

export interface ShippedDocument<T> {
  key: string;
  version: number;
  definition: T;
  /** in force when seeded, if nothing of its key (or, for `inForce: 'kind'`, of its kind) is */
  inForce: boolean;
}

export interface DocumentKind<T = unknown> {
  kind: string;
  label: Text;
  /** false: one document of the kind, key 'default' */
  keyed: boolean;
  keyPattern: RegExp;
  /** who may read the versions (publishing needs policy.write) */
  readPermission: RouteAccess;
  /** 'key': each key has its version in force (tariffs); 'kind': one key of the kind is (commitment profiles) */
  inForce: 'key' | 'kind';
  /** the audit trail's name for it, and how a version is named there */
  auditEntity: string;
  auditId(key: string, version: number): string;
  /** problems of a definition an administrator wants to publish, by field path */
  check(definition: unknown, key: string): ApiErrorField[];
  /** what is stored: a checked definition with its fields in order and defaults filled */
  normalise(definition: unknown, key: string, version: number): T;
  shipped(): readonly ShippedDocument<T>[];
  /** for kinds whose definition carries its own key and version: set them on every copy */
  stamp?(definition: unknown, key: string, version: number): unknown;
}

export const DEFAULT_KEY = 'default';
