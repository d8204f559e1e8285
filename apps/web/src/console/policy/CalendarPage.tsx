// R-CMT-02: the official working calendar (holidays and make-up workdays) by year, with
// administrator overrides, and a warning while a year has no official data.
import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Flex, Row, Select, Skeleton, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { apiGet, apiPost, errorMessage } from '../../api';
import { stationNow } from '../../format';
import { useT } from '../../i18n';
import { PageHeader } from '../PageHeader';
import { QueryError } from '../QueryError';
import { CalendarDayModal } from './CalendarDayModal';
import { MonthGrid } from './MonthGrid';
import type { CalendarDay, CalendarYear } from '@griddesk/shared';
import { useCan } from '../auth/useCan';

const MONTHS = Array.from({ length: 12 }, (_, i) => i);

function DeclareYear({ year }: { year: number }) {
  const t = useT();
  const { modal, message } = App.useApp();
  const queryClient = useQueryClient();
  const declare = useMutation({
    mutationFn: () => apiPost(`/api/policy/calendar/years/${year}`),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['/api/policy/calendar'] }),
    onError: (err) => void message.error(errorMessage(err, t)),
  });
  return (
    <Button
      size="small"
      loading={declare.isPending}
      data-testid="calendar-declare"
      onClick={() =>
        modal.confirm({
          title: t('calendar.declareTitle', { year }),
          content: t('calendar.declareConfirm', { year }),
          onOk: () => declare.mutateAsync().catch(() => undefined),
        })
      }
    >
      {t('calendar.declare', { year })}
    </Button>
  );
}

export function CalendarPage() {
  const t = useT();
  const canEdit = useCan('policy.write');
  const thisYear = stationNow().year();
  const [year, setYear] = useState(thisYear);
  const [picked, setPicked] = useState<string | null>(null);
  const cal = useQuery({
    queryKey: ['/api/policy/calendar', { year }],
    queryFn: () => apiGet<CalendarYear>('/api/policy/calendar', { year }),
  });
  const special = new Map((cal.data?.items ?? []).map((d) => [d.day, d]));
  const years = Array.from({ length: 9 }, (_, i) => thisYear - 5 + i);

  const columns: TableColumnsType<CalendarDay> = [
    { title: t('calendar.date'), dataIndex: 'day' },
    {
      title: t('calendar.kindTitle'),
      dataIndex: 'off',
      render: (off: boolean) => <Tag color={off ? 'red' : 'blue'}>{t(off ? 'calendar.kind.holiday' : 'calendar.kind.makeup')}</Tag>,
    },
    { title: t('calendar.name'), dataIndex: 'name', render: (v: string | null) => v ?? '—' },
    {
      title: t('calendar.source'),
      dataIndex: 'source',
      render: (s: CalendarDay['source']) => (
        <Tag color={s === 'override' ? 'orange' : 'default'}>{t(s === 'override' ? 'calendar.sourceOverride' : 'calendar.sourceBundled')}</Tag>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('nav.calendar')}
        rules={['R-CMT-02']}
        extra={
          <Space>
            <Button icon={<LeftOutlined />} onClick={() => setYear((y) => y - 1)} aria-label={t('calendar.prevYear')} />
            <Select<number>
              data-testid="calendar-year"
              value={year}
              onChange={setYear}
              options={years.map((y) => ({ value: y, label: t('calendar.yearLabel', { year: y }) }))}
              style={{ width: 120 }}
            />
            <Button icon={<RightOutlined />} onClick={() => setYear((y) => y + 1)} aria-label={t('calendar.nextYear')} />
          </Space>
        }
      />
      {cal.isError && <QueryError error={cal.error} onRetry={() => void cal.refetch()} />}
      {cal.data?.warning && (
        <Alert
          type="warning"
          showIcon
          data-testid="calendar-warning"
          title={t(cal.data.warning)}
          action={canEdit ? <DeclareYear year={year} /> : undefined}
          style={{ marginBottom: 16 }}
        />
      )}
      <Card>
        <Flex gap={12} wrap align="center" style={{ marginBottom: 16 }}>
          <Tag color="red">
            {t('calendar.offMark')} {t('calendar.kind.holiday')}
          </Tag>
          <Tag color="blue">
            {t('calendar.workMark')} {t('calendar.kind.makeup')}
          </Tag>
          <Tag>{t('calendar.kind.weekend')}</Tag>
          <Tag color="orange" variant="outlined" style={{ borderStyle: 'dashed' }}>
            {t('calendar.sourceOverride')}
          </Tag>
          <Typography.Text type="secondary">{canEdit ? t('calendar.clickHint') : t('calendar.readOnly')}</Typography.Text>
        </Flex>
        {cal.isPending ? (
          <Skeleton active />
        ) : (
          <Row gutter={[24, 24]} data-testid="calendar-grid">
            {MONTHS.map((m) => (
              <Col key={m} xs={24} sm={12} lg={8} xxl={6}>
                <MonthGrid year={year} month={m} special={special} onPick={setPicked} />
              </Col>
            ))}
          </Row>
        )}
      </Card>
      <Card title={t('calendar.listTitle', { year })} style={{ marginTop: 16 }}>
        <Table<CalendarDay> rowKey="day" size="small" columns={columns} dataSource={cal.data?.items ?? []} pagination={false} data-testid="calendar-days" />
      </Card>
      {picked && <CalendarDayModal key={picked} day={picked} special={special.get(picked)} canEdit={canEdit} onClose={() => setPicked(null)} />}
    </>
  );
}
