// Shapes of the HTTP API that both the server and the web console rely on.

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

/** The signed-in user: defined once with the org capability's API schemas. */
export type { Me } from './org-api';

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
