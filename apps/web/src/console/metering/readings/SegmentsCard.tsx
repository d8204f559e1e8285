// R-MTR-01: the station's reading segments — day of the month, reader, customers — and, for those
// who keep the ledger, creating and editing them and assigning transformer areas.
import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { formatNumber } from '../../../format';
import { useT } from '../../../i18n';
import { QueryError } from '../../QueryError';
import { AssignAreasModal } from './AssignAreasModal';
import { useSegments } from './segmentQueries';
import { readingDayLabel } from './segmentLabels';
import { SegmentFormModal } from './SegmentFormModal';
import type { Segment, StaffRef } from '@griddesk/shared';
import { useCan } from '../../auth/useCan';

export function SegmentsCard() {
  const t = useT();
  const canWrite = useCan('metering.write');
  const segments = useSegments();
  // undefined: closed; null: a new segment
  const [editing, setEditing] = useState<Segment | null | undefined>(undefined);
  // A fresh form per opening: antd keeps a form's values across openings, and one segment's reader
  // must not reappear in the next segment's form.
  const [opened, setOpened] = useState(0);
  const edit = (segment: Segment | null) => {
    setOpened((n) => n + 1);
    setEditing(segment);
  };
  const [assigning, setAssigning] = useState<string | null>(null);
  const items = segments.data?.items ?? [];

  const columns: TableColumnsType<Segment> = [
    { title: t('segments.code'), dataIndex: 'code' },
    { title: t('segments.name'), dataIndex: 'name' },
    { title: t('segments.readingDay'), dataIndex: 'readingDay', render: (d: number) => readingDayLabel(t, d) },
    {
      title: t('segments.reader'),
      dataIndex: 'reader',
      render: (m: StaffRef | null) => m?.name ?? <Tag color="orange">{t('segments.noReader')}</Tag>,
    },
    { title: t('segments.customers'), dataIndex: 'customers', align: 'right', render: (n: number) => formatNumber(n) },
    ...(canWrite
      ? [
          {
            title: t('segments.actions'),
            key: 'actions',
            render: (_: unknown, s: Segment) => (
              <Space size="small">
                <Button size="small" onClick={() => edit(s)} data-testid="segment-edit">
                  {t('segments.edit')}
                </Button>
                <Button size="small" onClick={() => setAssigning(s.code)} data-testid="segment-assign">
                  {t('segments.assign')}
                </Button>
              </Space>
            ),
          },
        ]
      : []),
  ];

  return (
    <Card
      title={t('segments.title')}
      style={{ marginTop: 16 }}
      extra={
        canWrite && (
          <Button icon={<PlusOutlined />} onClick={() => edit(null)} data-testid="segment-new">
            {t('segments.new')}
          </Button>
        )
      }
    >
      <Typography.Paragraph type="secondary">{t('segments.hint')}</Typography.Paragraph>
      {segments.isError && <QueryError error={segments.error} onRetry={() => void segments.refetch()} />}
      <Table<Segment>
        data-testid="segments-table"
        rowKey="code"
        size="middle"
        columns={columns}
        dataSource={items}
        loading={segments.isFetching}
        locale={{ emptyText: t('segments.empty') }}
        pagination={{ defaultPageSize: 20, hideOnSinglePage: true }}
        scroll={{ x: 'max-content' }}
      />
      <SegmentFormModal
        key={opened}
        open={editing !== undefined}
        segment={editing ?? null}
        existingCodes={items.map((s) => s.code)}
        onClose={() => setEditing(undefined)}
      />
      <AssignAreasModal code={assigning} onClose={() => setAssigning(null)} />
    </Card>
  );
}
