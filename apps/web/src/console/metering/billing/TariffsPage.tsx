// R-MTR-03: the tariff tables in force with their tiers and time-of-use windows, and every earlier
// version; an administrator publishes a new table or a new version of one.
import { PlusOutlined } from '@ant-design/icons';
import type { TariffDefinition, TariffVersionPage, TariffVersionView } from '@griddesk/shared';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useMemo, useState, type HTMLAttributes } from 'react';
import { apiGet } from '../../../api';
import { formatDateTime } from '../../../format';
import { useT } from '../../../i18n';
import { CUSTOMER_CLASS_LABELS, TARIFF_VOLTAGE_LABELS } from '../../../tariffs/labels';
import { PageHeader } from '../../PageHeader';
import { QueryError } from '../../QueryError';
import { TariffDetail } from './TariffDetail';
import { TariffFormModal, TARIFFS_PATH } from './TariffFormModal';
import { yuanText } from './tariffPrice';
import { useCan } from '../../auth/useCan';

interface TariffGroup {
  code: string;
  /** the version in force; a code whose versions are all inactive shows its latest */
  current: TariffVersionView;
  versions: TariffVersionView[];
}

function groupByCode(items: TariffVersionView[]): TariffGroup[] {
  const byCode = new Map<string, TariffVersionView[]>();
  for (const v of items) byCode.set(v.code, [...(byCode.get(v.code) ?? []), v]);
  return [...byCode].map(([code, versions]) => {
    const sorted = [...versions].sort((a, b) => b.version - a.version);
    return { code, versions: sorted, current: sorted.find((v) => v.active) ?? sorted[0]! };
  });
}

function VersionHistory({ versions }: { versions: TariffVersionView[] }) {
  const t = useT();
  const columns: TableColumnsType<TariffVersionView> = [
    {
      title: t('tariffs.version'),
      dataIndex: 'version',
      render: (v: number, r) => (
        <Space size={4}>
          {v}
          {r.active && <Tag color="green">{t('tariffs.active')}</Tag>}
        </Space>
      ),
    },
    { title: t('tariffs.basePrice'), key: 'base', align: 'right', render: (_, r) => yuanText(r.definition.basePrice) },
    { title: t('tariffs.publishedAt'), dataIndex: 'createdAt', render: (v: string) => formatDateTime(v) },
    { title: t('tariffs.source'), key: 'source', ellipsis: true, render: (_, r) => r.definition.source },
  ];
  return (
    <Table<TariffVersionView>
      data-testid="tariff-versions"
      rowKey="version"
      size="small"
      columns={columns}
      dataSource={versions}
      pagination={false}
      expandable={{ expandedRowRender: (r) => <TariffDetail tariff={r.definition} /> }}
    />
  );
}

export function TariffsPage() {
  const t = useT();
  const canEdit = useCan('policy.write');
  const tariffs = useQuery({ queryKey: [TARIFFS_PATH], queryFn: () => apiGet<TariffVersionPage>(TARIFFS_PATH) });
  const groups = useMemo(() => groupByCode(tariffs.data?.items ?? []), [tariffs.data]);
  // undefined: closed; null: a new code
  const [base, setBase] = useState<TariffDefinition | null | undefined>(undefined);
  // A fresh form per opening: antd keeps a form's values across openings, and one table's tiers
  // must not reappear in the next table's form.
  const [opened, setOpened] = useState(0);
  const publish = (from: TariffDefinition | null) => {
    setOpened((n) => n + 1);
    setBase(from);
  };

  const columns: TableColumnsType<TariffGroup> = [
    { title: t('tariffs.code'), dataIndex: 'code', render: (c: string) => <Typography.Text code>{c}</Typography.Text> },
    {
      title: t('tariffs.name'),
      key: 'name',
      render: (_, g) => (
        <Space orientation="vertical" size={0}>
          {g.current.definition.name}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {g.current.definition.nameEn}
          </Typography.Text>
        </Space>
      ),
    },
    { title: t('tariffs.class'), key: 'class', render: (_, g) => t(CUSTOMER_CLASS_LABELS[g.current.definition.customerClass]) },
    { title: t('tariffs.voltage'), key: 'voltage', render: (_, g) => t(TARIFF_VOLTAGE_LABELS[g.current.definition.voltageLevel]) },
    {
      title: t('tariffs.basePrice'),
      key: 'base',
      align: 'right',
      render: (_, g) => (
        <Typography.Text strong data-testid="tariff-base">
          {yuanText(g.current.definition.basePrice)}
        </Typography.Text>
      ),
    },
    {
      title: t('tariffs.tiers'),
      key: 'tiers',
      render: (_, g) => (g.current.definition.tiers?.steps.length ? t('tariffs.tierCount', { n: g.current.definition.tiers.steps.length }) : '—'),
    },
    {
      title: t('tariffs.tou'),
      key: 'tou',
      render: (_, g) => (g.current.definition.tou?.length ? t('tariffs.touCount', { n: g.current.definition.tou.length }) : '—'),
    },
    {
      title: t('tariffs.version'),
      key: 'version',
      render: (_, g) => (
        <Space size={4}>
          {g.current.version}
          {g.current.active && <Tag color="green">{t('tariffs.active')}</Tag>}
        </Space>
      ),
    },
    { title: t('tariffs.publishedAt'), key: 'at', render: (_, g) => formatDateTime(g.current.createdAt) },
    ...(canEdit
      ? [
          {
            title: t('tariffs.actions'),
            key: 'actions',
            fixed: 'right' as const,
            render: (_: unknown, g: TariffGroup) => (
              <Button size="small" onClick={() => publish(g.current.definition)} data-testid="tariff-new-version">
                {t('tariffs.newVersion')}
              </Button>
            ),
          },
        ]
      : []),
  ];

  return (
    <>
      <PageHeader
        title={t('nav.meteringTariffs')}
        rules={['R-MTR-03']}
        extra={
          canEdit && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => publish(null)} data-testid="tariff-new">
              {t('tariffs.new')}
            </Button>
          )
        }
      />
      <Typography.Paragraph type="secondary">{t('tariffs.intro')}</Typography.Paragraph>
      {tariffs.isError && <QueryError error={tariffs.error} onRetry={() => void tariffs.refetch()} />}
      <Card>
        <Table<TariffGroup>
          data-testid="tariffs-table"
          rowKey="code"
          size="middle"
          columns={columns}
          dataSource={groups}
          loading={tariffs.isFetching}
          locale={{ emptyText: t('tariffs.empty') }}
          pagination={false}
          scroll={{ x: 'max-content' }}
          onRow={(g) => ({ 'data-testid': 'tariff-row', 'data-code': g.code }) as HTMLAttributes<HTMLElement>}
          expandable={{
            expandedRowRender: (g) => (
              <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
                <TariffDetail tariff={g.current.definition} />
                <Typography.Title level={5} style={{ margin: 0 }}>
                  {t('tariffs.history')}
                </Typography.Title>
                <VersionHistory versions={g.versions} />
              </Space>
            ),
          }}
        />
      </Card>
      <TariffFormModal
        key={opened}
        open={base !== undefined}
        base={base ?? null}
        existingCodes={groups.map((g) => g.code)}
        onClose={() => setBase(undefined)}
      />
    </>
  );
}
