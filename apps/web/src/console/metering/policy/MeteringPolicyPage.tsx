// R-MTR-01/02/04/05/06 "rules are data": the thresholds every metering report applies, the version
// in force and the ones before it; an administrator publishes a new version.
import { EditOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Skeleton, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { apiGet } from '../../../api';
import { formatDateTime } from '../../../format';
import { useT } from '../../../i18n';
import { PageHeader } from '../../PageHeader';
import { QueryError } from '../../QueryError';
import { MeteringPolicyForm, POLICY_PATH } from './MeteringPolicyForm';
import { PolicyValues } from './PolicyValues';
import type { MeteringPolicyVersion, MeteringPolicyView } from '@griddesk/shared';
import { useCan } from '../../auth/useCan';

export function MeteringPolicyPage() {
  const t = useT();
  // policy.write, administrators only, as for the commitment profiles
  const canEdit = useCan('policy.write');
  const [editing, setEditing] = useState(false);
  const view = useQuery({ queryKey: [POLICY_PATH], queryFn: () => apiGet<MeteringPolicyView>(POLICY_PATH) });
  const data = view.data;

  const columns: TableColumnsType<MeteringPolicyVersion> = [
    {
      title: t('mpolicy.version'),
      dataIndex: 'version',
      render: (v: number, r) => (
        <>
          {v} {r.active && <Tag color="green">{t('mpolicy.active')}</Tag>}
        </>
      ),
    },
    { title: t('mpolicy.note'), dataIndex: 'note', render: (v: string | null) => v ?? '—' },
    { title: t('mpolicy.createdBy'), dataIndex: 'createdBy' },
    { title: t('mpolicy.createdAt'), dataIndex: 'createdAt', render: (v: string) => formatDateTime(v) },
  ];

  return (
    <>
      <PageHeader
        title={t('nav.meteringPolicy')}
        rules={['R-MTR-01', 'R-MTR-02', 'R-MTR-04', 'R-MTR-05', 'R-MTR-06']}
        extra={
          canEdit &&
          data &&
          !editing && (
            <Button type="primary" icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="policy-edit">
              {t('mpolicy.edit')}
            </Button>
          )
        }
      />
      <Typography.Paragraph type="secondary">{t('mpolicy.intro')}</Typography.Paragraph>
      {view.isError && <QueryError error={view.error} onRetry={() => void view.refetch()} />}
      <Card title={data && !editing ? t('mpolicy.current', { version: data.version }) : undefined}>
        {!data ? (
          <Skeleton active paragraph={{ rows: 8 }} />
        ) : editing ? (
          <MeteringPolicyForm version={data.version} policy={data.policy} onDone={() => setEditing(false)} />
        ) : (
          <PolicyValues policy={data.policy} />
        )}
      </Card>
      <Card title={t('mpolicy.versions')} style={{ marginTop: 16 }}>
        <Table<MeteringPolicyVersion>
          data-testid="policy-versions"
          rowKey="version"
          size="small"
          columns={columns}
          dataSource={data?.versions ?? []}
          loading={view.isFetching}
          pagination={{ defaultPageSize: 10, hideOnSinglePage: true }}
        />
      </Card>
    </>
  );
}
