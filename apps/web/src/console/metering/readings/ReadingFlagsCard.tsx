// R-MTR-02: the month's reading checks — how many meters were estimated, missed, read wrong or
// read twice — and the meters themselves, to send the readers back to.
import { Card, Col, Flex, Input, Row, Select, Statistic, Table, Tag, theme, Typography, type TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import { formatNumber } from '../../../format';
import { useT } from '../../../i18n';
import { READING_FLAG_COLORS, READING_FLAG_LABELS } from './flagLabels';
import { READING_FLAGS, type ReadingFlag, type ReadingFlagRow } from '@griddesk/shared';

export function ReadingFlagsCard({ items, loading }: { items: ReadingFlagRow[]; loading: boolean }) {
  const t = useT();
  const { token } = theme.useToken();
  const [flag, setFlag] = useState<ReadingFlag | undefined>();
  const [meter, setMeter] = useState('');

  const counts = useMemo(() => {
    const out: Record<ReadingFlag, number> = { estimated: 0, missed: 0, wrong: 0, duplicate: 0 };
    for (const i of items) out[i.flag] = (out[i.flag] ?? 0) + 1;
    return out;
  }, [items]);
  const needle = meter.trim().toUpperCase();
  const rows = items.filter((i) => (!flag || i.flag === flag) && (!needle || i.meterNo.toUpperCase().includes(needle)));

  const columns: TableColumnsType<ReadingFlagRow> = [
    { title: t('loss.meterNo'), dataIndex: 'meterNo', sorter: (a, b) => a.meterNo.localeCompare(b.meterNo) },
    {
      title: t('readings.flag'),
      dataIndex: 'flag',
      render: (f: ReadingFlag) => <Tag color={READING_FLAG_COLORS[f]}>{t(READING_FLAG_LABELS[f])}</Tag>,
    },
  ];

  return (
    <Card title={t('readings.flagsTitle')} style={{ marginTop: 16 }}>
      <Typography.Paragraph type="secondary">{t('readings.flagsHint')}</Typography.Paragraph>
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        {READING_FLAGS.map((f) => (
          <Col key={f} xs={12} md={6}>
            <Card
              size="small"
              hoverable
              data-testid={`reading-flag-count-${f}`}
              onClick={() => setFlag(flag === f ? undefined : f)}
              style={flag === f ? { borderColor: token.colorPrimary } : undefined}
            >
              <Statistic title={t(READING_FLAG_LABELS[f])} value={formatNumber(counts[f])} />
            </Card>
          </Col>
        ))}
      </Row>
      <Flex gap={12} wrap style={{ marginBottom: 16 }}>
        <Select<ReadingFlag>
          allowClear
          data-testid="reading-flag-filter"
          placeholder={t('readings.flag')}
          value={flag}
          onChange={setFlag}
          options={READING_FLAGS.map((f) => ({ value: f, label: t(READING_FLAG_LABELS[f]) }))}
          style={{ width: 160 }}
        />
        <Input.Search
          allowClear
          placeholder={t('readings.searchMeter')}
          onSearch={setMeter}
          onChange={(e) => e.target.value === '' && setMeter('')}
          style={{ maxWidth: 260 }}
        />
      </Flex>
      <Table<ReadingFlagRow>
        data-testid="reading-flags-table"
        rowKey={(r) => `${r.meterNo}/${r.flag}`}
        size="small"
        columns={columns}
        dataSource={rows}
        loading={loading}
        locale={{ emptyText: t('readings.noFlags') }}
        pagination={{ defaultPageSize: 20, showSizeChanger: true, showTotal: (n) => t('common.total', { n: formatNumber(n) }) }}
      />
    </Card>
  );
}
