// Shapes of the HTTP API that both the server and the web console rely on.
import { type TSchema, Type } from '@sinclair/typebox';
import type { OrgKind, Permission, Post, Role } from './org';

export interface ApiErrorField {
  field: string;
  reason: string;
  reasonZh: string;
  row?: number;
  record?: number;
  value?: string;
}
export interface ApiError {
  error: { code: string; message: string; messageEn: string; fields: ApiErrorField[] };
}

export interface Page<T> {
  items: T[];
  total: number;
}

export interface Me {
  id: number;
  username: string;
  displayName: string;
  post: Post;
  badgeNo: string | null;
  roles: Role[];
  /** what the roles allow: the console shows only what the server would accept */
  permissions: Permission[];
  orgUnit: { id: number; code: string; name: string; kind: OrgKind };
}

export interface CustomerView {
  id: number;
  accountNo: string;
  name: string;
  address: string;
  phone: string | null;
  customerClass: 'residential' | 'non_residential';
  voltageLevel: 'LV' | 'HV';
  tariffCode: string;
  areaCode: string | null;
  areaName: string | null;
  feederCode: string;
  feederName: string;
  stationName: string;
  important: boolean;
  dualSupply: boolean;
}

export interface ImportJobView {
  id: number;
  kind: string;
  filename: string;
  status: 'running' | 'succeeded' | 'rejected' | 'failed';
  phase: string;
  totalRows: number;
  processedRows: number;
  inserted: number;
  updated: number;
  errors: ApiErrorField[];
}

/** A text in both languages of the product. */
export interface Text {
  zh: string;
  en: string;
}

/** The schema of a list answer: every list is `{items, total}`. */
export function pageOf<T extends TSchema>(item: T) {
  return Type.Object({ items: Type.Array(item), total: Type.Integer({ minimum: 0 }) });
}

/** The error body every 4xx and 5xx carries. */
export const ApiErrorSchema = Type.Object({
  error: Type.Object({
    code: Type.String(),
    message: Type.String(),
    messageEn: Type.String(),
    fields: Type.Array(
      Type.Object({
        field: Type.String(),
        reason: Type.String(),
        reasonZh: Type.String(),
        row: Type.Optional(Type.Integer()),
        record: Type.Optional(Type.Integer()),
        value: Type.Optional(Type.String()),
      }),
    ),
  }),
});
