// R-MTR-02: actual-reading rate (实抄率) per station and team, residential and non-residential
// counted apart as the assessment asks.
import { Card, Col, Empty, Row, Statistic, Table, Typography, type TableColumnsType } from 'antd';
import { formatNumber, formatRate } from '../../../format';
import { useT } from '../../../i18n';
import type { ReadingCounts, ReadingRateRow } from '@griddesk/shared';

interface TreeRow extends ReadingRateRow {
  children?: TreeRow[];
}

/** Teams under their station; a team whose station is out of the user's scope stands alone. */
function toTree(items: ReadingRateRow[]): TreeRow[] {
  const stations = new Map(items.filter((u) => u.kind === 'station').map((u) => [u.unitId, { ...u } as TreeRow]));
  const roots: TreeRow[] = [...stations.values()];
  for (const u of items) {
    if (u.kind === 'station') continue;
    const parent = u.parentId === null ? undefined : stations.get(u.parentId);
    if (parent) {
      parent.children ??= [];
      parent.children.push({ ...u });
    } else roots.push({ ...u });
  }
  return roots;
}

function RateCell({ counts }: { counts: ReadingCounts }) {
  return <Typography.Text strong>{formatRate(counts.rate)}</Typography.Text>;
}

export function ReadingRates({ items }: { items: ReadingRateRow[] }) {
  const t = useT();
  const group = (key: 'residential' | 'nonResidential', title: string): TableColumnsType<TreeRow>[number] => ({
    title,
    children: [
      { title: t('readings.meters'), key: `${key}.meters`, align: 'right', render: (_, r) => formatNumber(r[key].meters) },
      { title: t('readings.actual'), key: `${key}.actual`, align: 'right', render: (_, r) => formatNumber(r[key].actual) },
      { title: t('readings.estimated'), key: `${key}.estimated`, align: 'right', render: (_, r) => formatNumber(r[key].estimated) },
      { title: t('readings.missed'), key: `${key}.missed`, align: 'right', render: (_, r) => formatNumber(r[key].missed) },
      { title: t('readings.rate'), key: `${key}.rate`, align: 'right', render: (_, r) => <RateCell counts={r[key]} /> },
    ],
  });
  const columns: TableColumnsType<TreeRow> = [
    { title: t('readings.unit'), dataIndex: 'name', fixed: 'left' },
    group('residential', t('readings.residential')),
    group('nonResidential', t('readings.nonResidential')),
  ];
  const stations = items.filter((u) => u.kind === 'station');

  if (items.length === 0) return <Empty description={t('metering.empty')} />;
  return (
    <>
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        {stations.flatMap((s) =>
          (['residential', 'nonResidential'] as const).map((key) => (
            <Col key={`${s.unitId}-${key}`} xs={24} sm={12} lg={6}>
              <Card size="small" data-testid="reading-rate-card">
                <Statistic
                  title={`${s.name} · ${t(key === 'residential' ? 'readings.residentialRate' : 'readings.nonResidentialRate')}`}
                  value={formatRate(s[key].rate)}
                />
                <Typography.Text type="secondary">
                  {t('readings.ofMeters', { actual: formatNumber(s[key].actual), meters: formatNumber(s[key].meters) })}
                </Typography.Text>
              </Card>
            </Col>
          )),
        )}
      </Row>
      <Table<TreeRow>
        data-testid="reading-rates-table"
        rowKey="unitId"
        size="small"
        bordered
        columns={columns}
        dataSource={toTree(items)}
        expandable={{ defaultExpandAllRows: true }}
        pagination={false}
        scroll={{ x: 'max-content' }}
      />
    </>
  );
}
