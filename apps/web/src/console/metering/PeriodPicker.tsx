import { DatePicker } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { stationNow } from '../../format';
import { useT } from '../../i18n';

const afterThisMonth = (d: Dayjs) => d.isAfter(stationNow(), 'month');

export function PeriodPicker({ value, onChange }: { value: string; onChange: (period: string) => void }) {
  const t = useT();
  return (
    <DatePicker
      picker="month"
      data-testid="metering-period"
      aria-label={t('metering.period')}
      allowClear={false}
      value={dayjs(`${value}-01`)}
      format="YYYY-MM"
      disabledDate={afterThisMonth}
      onChange={(d) => d && onChange(d.format('YYYY-MM'))}
    />
  );
}
