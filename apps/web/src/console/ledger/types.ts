// Ledger API shapes the web needs beyond those in @griddesk/shared (R-LED-01, R-LED-02).
import type { CustomerView, MeterRole } from '@griddesk/shared';

/** PostgreSQL numerics may arrive as strings. */
type Numeric = number | string;

export interface LedgerSummary {
  feeders: number;
  areas: number;
  customers: number;
  meters: number;
  important: number;
  dualSupply: number;
}

export interface FeederRow {
  id: number;
  code: string;
  name: string;
  stationName: string;
  areaCount: number;
  customerCount: number;
}

export interface AreaRow {
  id: number;
  code: string;
  name: string;
  feederCode: string;
  capacityKva: Numeric | null;
  customerCount: number;
}

export interface MeterRow {
  id: number;
  meterNo: string;
  role: MeterRole;
  accountNo: string | null;
  areaCode: string | null;
  feederCode: string | null;
  multiplier: Numeric;
  status: string;
}

export interface CustomerMeter {
  meterNo: string;
  role: MeterRole;
  multiplier: Numeric;
  status: string;
}

export interface CustomerContract {
  contractNo: string;
  signedOn: string;
  expiresOn: string | null;
  capacityKva: Numeric | null;
  status: string;
}

export interface CustomerDetail extends CustomerView {
  meters: CustomerMeter[];
  contracts: CustomerContract[];
}

export interface RevealedContact {
  phone: string | null;
  address: string;
}
