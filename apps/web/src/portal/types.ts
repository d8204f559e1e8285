import type { Text } from '../i18n';

export interface PortalStation {
  code: string;
  name: string;
  address: string | null;
  phone: string | null;
  serviceHours: string | null;
  repairPhone: string | null;
  complaintPhone: string | null;
}

export interface PortalStaff {
  name: string;
  post: string;
  postLabel: Text;
  badgeNo: string | null;
  unit: string;
  photoUrl: string | null;
}

export interface PortalStationInfo {
  station: PortalStation;
  staff: PortalStaff[];
}
