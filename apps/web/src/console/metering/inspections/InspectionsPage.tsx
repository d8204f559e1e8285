// R-MTR-07: anti-theft inspection campaigns, their findings, and the station's summary over a
// date range (boxes opened, theft households, energy and money recovered, violations).
import { PlusOutlined } from '@ant-design/icons';
import type { CampaignKind, CampaignPage, CampaignRow, InspectionSummary } from '@griddesk/shared';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, DatePicker, Skeleton, Table, Tag, Typography, type TableColumnsType } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { apiGet } from '../../../api';
import { formatNumber, formatYuan, stationNow } from '../../../format';
import { useT } from '../../../i18n';
import { useOrgUnits } from '../../cases/useOrg';
import { PageHeader } from '../../PageHeader';
import { QueryError } from '../../QueryError';
import { CampaignFormModal } from './CampaignFormModal';
import { FindingFormModal } from './FindingFormModal';
import { CAMPAIGN_KIND_LABELS } from './inspectionLabels';
import { InspectionSummaryView } from './InspectionSummaryView';
import { useCan } from '../../auth/useCan';

// Campaigns are a few a month per station: one screen of a year needs no paging.
const LIMIT = 500;

function CampaignSummary({ id }: { id: number }) {
  const summary = useQuery({
    queryKey: ['/api/inspections/summary', id],
    queryFn: () => apiGet<InspectionSummary>(`/api/inspections/${id}/summary`),
  });
  if (summary.isError) return <QueryError error={summary.error} onRetry={() => void summary.refetch()} />;
  if (summary.isPending) return <Skeleton active paragraph={{ rows: 2 }} />;
  return <InspectionSummaryView summary={summary.data} />;
}

export function InspectionsPage() {
  const t = useT();
  const canWrite = useCan('metering.write');
  const units = useOrgUnits();
  // No range at first: a campaign may span the turn of the year, and the whole record is the summary asked for.
  const [range, setRange] = useState<[Dayjs, Dayjs] | null>(null);
  const [creating, setCreating] = useState(false);
  const [findingFor, setFindingFor] = useState<number | null>(null);
  const filter = range ? { from: range[0].format('YYYY-MM-DD'), to: range[1].format('YYYY-MM-DD') } : {};

  const summary = useQuery({
    queryKey: ['/api/inspections/summary', filter],
    queryFn: () => apiGet<InspectionSummary>('/api/inspections/summary', filter),
  });
  const campaigns = useQuery({
    queryKey: ['/api/inspections', filter],
    queryFn: () => apiGet<CampaignPage>('/api/inspections', { ...filter, limit: LIMIT }),
  });
  const stationName = (id: number) => units.data?.find((u) => u.id === id)?.name ?? String(id);

  const columns: TableColumnsType<CampaignRow> = [
    { title: t('inspections.kind'), dataIndex: 'kind', render: (k: CampaignKind) => <Tag>{t(CAMPAIGN_KIND_LABELS[k])}</Tag> },
    { title: t('inspections.station'), dataIndex: 'stationId', render: (id: number) => stationName(id) },
    { title: t('inspections.startedOn'), dataIndex: 'startedOn' },
    { title: t('inspections.endedOn'), dataIndex: 'endedOn', render: (v: string | null) => v ?? '—' },
    { title: t('inspections.boxesOpened'), dataIndex: 'boxesOpened', align: 'right', render: (v: number) => formatNumber(v) },
    { title: t('inspections.findings'), dataIndex: 'findings', align: 'right', render: (v: number) => formatNumber(v) },
    { title: t('inspections.recovered'), dataIndex: 'recoveredFen', align: 'right', render: (v: number) => formatYuan(v) },
    { title: t('inspections.note'), dataIndex: 'note', ellipsis: true, render: (v: string | null) => v ?? '—' },
    ...(canWrite
      ? [
          {
            title: t('inspections.actions'),
            key: 'actions',
            render: (_: unknown, c: CampaignRow) => (
              <Button size="small" onClick={() => setFindingFor(c.id)} data-testid="campaign-add-finding">
                {t('inspections.addFinding')}
              </Button>
            ),
          },
        ]
      : []),
  ];

  return (
    <>
      <PageHeader
        title={t('nav.meteringInspections')}
        rules={['R-MTR-07']}
        extra={
          canWrite && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="campaign-new">
              {t('inspections.new')}
            </Button>
          )
        }
      />
      <Card
        title={t('inspections.summaryTitle')}
        extra={
          <DatePicker.RangePicker
            aria-label={t('inspections.range')}
            value={range}
            disabledDate={(d) => d.isAfter(stationNow(), 'day')}
            onChange={(v) => setRange(v?.[0] && v[1] ? [v[0], v[1]] : null)}
          />
        }
      >
        {summary.isError ? (
          <QueryError error={summary.error} onRetry={() => void summary.refetch()} />
        ) : summary.isPending ? (
          <Skeleton active paragraph={{ rows: 2 }} />
        ) : (
          <InspectionSummaryView summary={summary.data} showCampaigns />
        )}
      </Card>
      <Card title={t('inspections.list')} style={{ marginTop: 16 }}>
        {campaigns.isError && <QueryError error={campaigns.error} onRetry={() => void campaigns.refetch()} />}
        <Table<CampaignRow>
          data-testid="campaigns-table"
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={campaigns.data?.items ?? []}
          loading={campaigns.isFetching}
          locale={{ emptyText: t('inspections.empty') }}
          expandable={{
            expandedRowRender: (c) => (
              <>
                <Typography.Title level={5}>{t('inspections.campaignSummary')}</Typography.Title>
                <CampaignSummary id={c.id} />
              </>
            ),
          }}
          pagination={{ defaultPageSize: 20, hideOnSinglePage: true }}
          scroll={{ x: 'max-content' }}
        />
      </Card>
      <CampaignFormModal open={creating} onClose={() => setCreating(false)} />
      <FindingFormModal campaignId={findingFor} onClose={() => setFindingFor(null)} />
    </>
  );
}
