// One month of the working calendar, weeks starting on Monday: holidays (休), make-up workdays
// (班), plain weekends greyed, administrator overrides outlined (R-CMT-02).
import { Tooltip, Typography, theme } from 'antd';
import dayjs from 'dayjs';
import { Fragment } from 'react';
import { useT } from '../../i18n';
import type { CalendarDay } from '@griddesk/shared';

export type DayKind = 'holiday' | 'makeup' | 'weekend' | 'workday';

export function kindOf(day: string, special: CalendarDay | undefined): DayKind {
  if (special) return special.off ? 'holiday' : 'makeup';
  const dow = dayjs(day).day();
  return dow === 0 || dow === 6 ? 'weekend' : 'workday';
}

const KIND_STYLE: Record<DayKind, { background: string; color: string }> = {
  holiday: { background: '#fff1f0', color: '#cf1322' },
  makeup: { background: '#e6f4ff', color: '#0958d9' },
  weekend: { background: '#fafafa', color: '#8c8c8c' },
  workday: { background: 'transparent', color: 'inherit' },
};

interface Props {
  year: number;
  /** 0-based month */
  month: number;
  special: Map<string, CalendarDay>;
  onPick: (day: string) => void;
}

export function MonthGrid({ year, month, special, onPick }: Props) {
  const t = useT();
  const { token } = theme.useToken();
  const first = dayjs(new Date(year, month, 1));
  const lead = (first.day() + 6) % 7;
  const days = Array.from({ length: first.daysInMonth() }, (_, i) => first.add(i, 'day').format('YYYY-MM-DD'));
  const weekdays = t('calendar.weekdays').split(',');

  return (
    <div data-testid={`calendar-month-${month + 1}`}>
      <Typography.Title level={5} style={{ margin: '0 0 8px' }}>
        {t('calendar.month', { m: month + 1 })}
      </Typography.Title>
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(7, 1fr)', gap: 2, textAlign: 'center' }}>
        {weekdays.map((w) => (
          <Typography.Text key={w} type="secondary" style={{ fontSize: 12 }}>
            {w}
          </Typography.Text>
        ))}
        {Array.from({ length: lead }, (_, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: blank cells before the 1st have no identity but their place
          <span key={`lead-${i}`} />
        ))}
        {days.map((day) => {
          const s = special.get(day);
          const kind = kindOf(day, s);
          const style = KIND_STYLE[kind];
          const mark = kind === 'holiday' ? t('calendar.offMark') : kind === 'makeup' ? t('calendar.workMark') : null;
          const tip = [s?.name, s ? t(s.source === 'override' ? 'calendar.sourceOverride' : 'calendar.sourceBundled') : null].filter(Boolean).join(' · ');
          const cell = (
            // biome-ignore lint/correctness/useJsxKeyInIterable: the key is on the Tooltip or Fragment that wraps the cell
            <button
              type="button"
              data-testid={`calendar-day-${day}`}
              data-kind={kind}
              data-source={s?.source ?? ''}
              onClick={() => onPick(day)}
              style={{
                position: 'relative',
                border: s?.source === 'override' ? `1px dashed ${token.colorWarning}` : '1px solid transparent',
                borderRadius: 4,
                padding: '2px 0',
                minHeight: 34,
                cursor: 'pointer',
                font: 'inherit',
                ...style,
              }}
            >
              <div style={{ fontSize: 13, lineHeight: '16px' }}>{Number(day.slice(8))}</div>
              <div style={{ fontSize: 10, lineHeight: '12px', fontWeight: 600 }}>{mark ?? '\u00a0'}</div>
            </button>
          );
          return tip ? (
            <Tooltip key={day} title={tip}>
              {cell}
            </Tooltip>
          ) : (
            <Fragment key={day}>{cell}</Fragment>
          );
        })}
      </div>
    </div>
  );
}
