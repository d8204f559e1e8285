// R-MTR-07: the figures an anti-theft report states — boxes opened, theft and violation
// households, energy and money recovered — for a range of campaigns or for one.
import { type FindingTotals, type InspectionSummary, VIOLATION_TYPES, type ViolationType } from '@griddesk/shared';
import { Col, Row, Statistic, Table, type TableColumnsType } from 'antd';
import { formatKwh, formatNumber, formatYuan } from '../../../format';
import { useT } from '../../../i18n';
import { VIOLATION_LABELS } from './inspectionLabels';

type TypeRow = FindingTotals & { type: ViolationType };

export function InspectionSummaryView({ summary, showCampaigns = false }: { summary: InspectionSummary; showCampaigns?: boolean }) {
  const t = useT();
  const { theft, violations } = summary;
  const figures: { key: string; title: string; value: string }[] = [
    ...(showCampaigns ? [{ key: 'campaigns', title: t('inspections.campaigns'), value: formatNumber(summary.campaigns) }] : []),
    { key: 'boxes', title: t('inspections.boxesOpened'), value: formatNumber(summary.boxesOpened) },
    { key: 'theft', title: t('inspections.theftHouseholds'), value: formatNumber(theft.households) },
    { key: 'violations', title: t('inspections.violationHouseholds'), value: formatNumber(violations.households) },
    { key: 'energy', title: t('inspections.energyKwh'), value: formatKwh(summary.energyKwh) },
    { key: 'unpaid', title: t('inspections.unpaid'), value: formatYuan(theft.unpaidFen + violations.unpaidFen) },
    { key: 'penalty', title: t('inspections.penalty'), value: formatYuan(theft.penaltyFen + violations.penaltyFen) },
    { key: 'recovered', title: t('inspections.recovered'), value: formatYuan(summary.totalRecoveredFen) },
  ];
  const byType: TypeRow[] = VIOLATION_TYPES.flatMap((type) => {
    const totals = violations.byType[type];
    return totals ? [{ type, ...totals }] : [];
  });
  const columns: TableColumnsType<TypeRow> = [
    { title: t('inspections.byType'), dataIndex: 'type', render: (v: ViolationType) => t(VIOLATION_LABELS[v]) },
    { title: t('inspections.households'), dataIndex: 'households', align: 'right' },
    { title: t('inspections.findings'), dataIndex: 'findings', align: 'right' },
    { title: t('inspections.energyKwh'), dataIndex: 'energyKwh', align: 'right', render: (v: string) => formatKwh(v) },
    { title: t('inspections.unpaid'), dataIndex: 'unpaidFen', align: 'right', render: (v: number) => formatYuan(v) },
    { title: t('inspections.penalty'), dataIndex: 'penaltyFen', align: 'right', render: (v: number) => formatYuan(v) },
    { title: t('inspections.recovered'), dataIndex: 'recoveredFen', align: 'right', render: (v: number) => formatYuan(v) },
  ];
  return (
    <>
      <Row gutter={[16, 16]} data-testid="inspection-summary">
        {figures.map((f) => (
          <Col key={f.key} xs={12} md={6} xxl={3}>
            <Statistic title={f.title} value={f.value} data-testid={`inspection-summary-${f.key}`} />
          </Col>
        ))}
      </Row>
      {byType.length > 0 && (
        <Table<TypeRow>
          rowKey="type"
          size="small"
          columns={columns}
          dataSource={byType}
          pagination={false}
          style={{ marginTop: 16 }}
          scroll={{ x: 'max-content' }}
        />
      )}
    </>
  );
}
