import type { CustomerClass, MeterRole, VoltageLevel } from '@griddesk/shared';
import type { Text } from '../../i18n';

export const CUSTOMER_CLASS_LABELS: Record<CustomerClass, Text> = {
  residential: { zh: '居民', en: 'Residential' },
  non_residential: { zh: '非居民', en: 'Non-residential' },
};

export const VOLTAGE_LABELS: Record<VoltageLevel, Text> = {
  LV: { zh: '低压', en: 'Low voltage' },
  HV: { zh: '高压', en: 'High voltage' },
};

export const METER_ROLE_LABELS: Record<MeterRole, Text> = {
  customer: { zh: '客户计量点', en: 'Customer meter' },
  area: { zh: '台区总表', en: 'Area transformer meter' },
  gateway: { zh: '关口计量点', en: 'Gateway meter' },
};

export const METER_STATUS_LABELS: Record<string, Text> = {
  in_service: { zh: '运行', en: 'In service' },
  removed: { zh: '已拆除', en: 'Removed' },
};

export const CONTRACT_STATUS_LABELS: Record<string, Text> = {
  active: { zh: '有效', en: 'Active' },
  expired: { zh: '已到期', en: 'Expired' },
  terminated: { zh: '已终止', en: 'Terminated' },
};
