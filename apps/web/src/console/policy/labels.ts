import type { Text } from '../../i18n';
import type { ProfileStatus } from '@griddesk/shared';

export const PROFILE_STATUS_LABELS: Record<ProfileStatus, Text> = {
  draft: { zh: '草稿', en: 'Draft' },
  active: { zh: '生效中', en: 'Active' },
  retired: { zh: '未启用', en: 'Inactive' },
};

export const PROFILE_STATUS_COLORS: Record<ProfileStatus, string> = { draft: 'gold', active: 'green', retired: 'default' };

export const ESCALATION_NOTIFY_LABELS: Record<string, Text> = {
  owner: { zh: '首问负责人', en: 'First responder' },
  team_leader: { zh: '班组长', en: 'Team leader' },
  station_head: { zh: '供电所所长', en: 'Station head' },
};
