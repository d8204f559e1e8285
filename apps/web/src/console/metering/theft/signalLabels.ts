import type { MsgKey } from '../../../i18n';
import type { TheftSignalName } from '@griddesk/shared';

export const SIGNAL_LABELS: Record<TheftSignalName, MsgKey> = {
  own_drop: 'signal.own_drop',
  peer_drop: 'signal.peer_drop',
  zero_windows: 'signal.zero_windows',
  flat: 'signal.flat',
  capped: 'signal.capped',
  pattern_loss: 'signal.pattern_loss',
  reversed_reading: 'signal.reversed_reading',
  meter_events: 'signal.meter_events',
  area_loss_rise: 'signal.area_loss_rise',
};
