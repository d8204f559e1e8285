// Case labels the shared package does not carry, and the colours statuses are shown in.
import type { CaseStatus, FaultClass } from '@griddesk/shared';
import type { Text } from '../i18n';
import type { ServiceArea } from './types';

export const FAULT_CLASS_LABELS: Record<FaultClass, Text> = {
  lv_drop: { zh: '低压下火线故障', en: 'LV service drop' },
  lv_equipment: { zh: '低压设备故障', en: 'LV equipment fault' },
  hv_line: { zh: '倒杆断线或高压架空线路故障', en: 'Pole down or HV overhead line' },
};

export const SERVICE_AREAS: readonly ServiceArea[] = ['urban', 'rural', 'remote'];

export const SERVICE_AREA_LABELS: Record<ServiceArea, Text> = {
  urban: { zh: '城区', en: 'Urban' },
  rural: { zh: '农村', en: 'Rural' },
  remote: { zh: '特殊边远地区', en: 'Remote' },
};

export const CASE_STATUS_COLORS: Record<CaseStatus, string> = {
  received: 'blue',
  accepted: 'cyan',
  assigned: 'geekblue',
  in_progress: 'processing',
  paused: 'gold',
  resolved: 'green',
  callback_done: 'lime',
  closed: 'default',
};

/** Statuses in which the case's clocks still run (the rest wait for the customer or are done). */
export const OPEN_CASE_STATUSES: readonly CaseStatus[] = ['received', 'accepted', 'assigned', 'in_progress', 'paused'];

/** The first step of every timeline is the registration, which is not one of the case actions. */
export const REGISTER_LABEL: Text = { zh: '登记', en: 'Registered' };
