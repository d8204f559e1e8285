import type { MsgKey } from '../../../i18n';
import type { LossClass, LossLevel } from '@griddesk/shared';

export const LOSS_LEVEL_LABELS: Record<LossLevel, MsgKey> = {
  county: 'lossLevel.county',
  station: 'lossLevel.station',
  feeder: 'lossLevel.feeder',
  area: 'lossLevel.area',
};

export const LOSS_CLASS_LABELS: Record<LossClass, MsgKey> = {
  qualified: 'lossClass.qualified',
  high_loss: 'lossClass.high_loss',
  negative_loss: 'lossClass.negative_loss',
  not_computable: 'lossClass.not_computable',
};

export const LOSS_CLASS_COLORS: Record<LossClass, string> = {
  qualified: 'green',
  high_loss: 'red',
  negative_loss: 'orange',
  not_computable: 'default',
};
