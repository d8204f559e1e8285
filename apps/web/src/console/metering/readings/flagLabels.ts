import type { MsgKey } from '../../../i18n';
import type { ReadingFlag } from '@griddesk/shared';

export const READING_FLAG_LABELS: Record<ReadingFlag, MsgKey> = {
  estimated: 'flag.estimated',
  missed: 'flag.missed',
  wrong: 'flag.wrong',
  duplicate: 'flag.duplicate',
};

export const READING_FLAG_COLORS: Record<ReadingFlag, string> = {
  estimated: 'gold',
  missed: 'red',
  wrong: 'volcano',
  duplicate: 'blue',
};
