import type { MsgKey } from '../../../i18n';
import type { CampaignKind, ViolationType } from '@griddesk/shared';

export const CAMPAIGN_KIND_LABELS: Record<CampaignKind, MsgKey> = {
  night_patrol: 'campaign.night_patrol',
  meter_box_opening: 'campaign.meter_box_opening',
  special_check: 'campaign.special_check',
  routine_check: 'campaign.routine_check',
};

export const VIOLATION_LABELS: Record<ViolationType, MsgKey> = {
  change_category: 'violation.change_category',
  excess_capacity: 'violation.excess_capacity',
  use_suspended_equipment: 'violation.use_suspended_equipment',
  exceed_quota: 'violation.exceed_quota',
  tamper_utility_equipment: 'violation.tamper_utility_equipment',
  unauthorised_source: 'violation.unauthorised_source',
};

/** Which extra figures a violation's penalty is computed from (the supply rules, 第100条). */
export const VIOLATION_NEEDS: Record<ViolationType, { energy?: boolean; capacity?: boolean; times?: boolean }> = {
  change_category: { energy: true },
  excess_capacity: { capacity: true },
  use_suspended_equipment: { capacity: true },
  exceed_quota: { energy: true, capacity: true },
  tamper_utility_equipment: { times: true },
  unauthorised_source: { capacity: true },
};
