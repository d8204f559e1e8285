// R-CMT-01: commitment profiles, every version, with the one in force marked.
import { Card, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { Link } from 'react-router-dom';
import { formatDateTime } from '../../format';
import { lookup, useT } from '../../i18n';
import { PageHeader } from '../PageHeader';
import { QueryError } from '../QueryError';
import { PROFILE_STATUS_COLORS, PROFILE_STATUS_LABELS } from './labels';
import { ProfileActions, profilePath } from './ProfileActions';
import type { ProfileSummary } from '@griddesk/shared';
import { useProfiles } from './useProfiles';
import { useCan } from '../auth/useCan';

export function ProfilesPage() {
  const t = useT();
  const canEdit = useCan('policy.write');
  const profiles = useProfiles();

  const columns: TableColumnsType<ProfileSummary> = [
    {
      title: t('policy.name'),
      key: 'name',
      render: (_, p) => (
        <Space orientation="vertical" size={0}>
          <Link to={profilePath(p)} data-testid="profile-link">
            {t(p.name)}
          </Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {p.authority}
          </Typography.Text>
        </Space>
      ),
    },
    { title: t('policy.id'), dataIndex: 'id', render: (id: string) => <Typography.Text code>{id}</Typography.Text> },
    { title: t('policy.version'), dataIndex: 'version', align: 'right' },
    {
      title: t('policy.status'),
      dataIndex: 'status',
      render: (s: ProfileSummary['status']) => (
        <Tag color={PROFILE_STATUS_COLORS[s]} data-testid="profile-status" data-status={s}>
          {t(lookup(PROFILE_STATUS_LABELS, s))}
        </Tag>
      ),
    },
    { title: t('policy.ruleCount'), dataIndex: 'ruleCount', align: 'right' },
    { title: t('policy.basedOn'), dataIndex: 'basedOn', render: (v: string | null) => v ?? '—' },
    { title: t('policy.createdAt'), dataIndex: 'createdAt', render: (v: string) => formatDateTime(v) },
    { title: t('policy.activatedAt'), dataIndex: 'activatedAt', render: (v: string | null) => formatDateTime(v) },
    ...(canEdit ? [{ title: t('policy.operations'), key: 'ops', render: (_: unknown, p: ProfileSummary) => <ProfileActions profile={p} size="small" /> }] : []),
  ];

  return (
    <>
      <PageHeader title={t('nav.profiles')} rules={['R-CMT-01', 'R-CMT-02']} />
      <Typography.Paragraph type="secondary">{t('policy.profilesHint')}</Typography.Paragraph>
      {profiles.isError && <QueryError error={profiles.error} onRetry={() => void profiles.refetch()} />}
      <Card>
        <Table<ProfileSummary>
          data-testid="profiles-table"
          rowKey={(p) => `${p.id}@${p.version}`}
          size="middle"
          columns={columns}
          dataSource={profiles.data ?? []}
          loading={profiles.isFetching}
          pagination={false}
          scroll={{ x: 'max-content' }}
        />
      </Card>
    </>
  );
}
