// One profile version: its rules in words, which clocks each case type starts, the escalation
// steps; a draft can be edited, any version cloned or activated (R-CMT-01, R-CMT-02, R-CASE-05).
import { ArrowLeftOutlined } from '@ant-design/icons';
import { CASE_ACTION_LABELS, CASE_TYPE_LABELS } from '@griddesk/shared';
import { Alert, Button, Card, Descriptions, Skeleton, Space, Table, Tabs, Tag, type TableColumnsType } from 'antd';
import { useNavigate, useParams } from 'react-router-dom';
import { ApiRequestError } from '../../api';
import { FAULT_CLASS_LABELS } from '../../cases/labels';
import { durationWords } from '../../cases/durations';
import { formatDateTime } from '../../format';
import { lookup, useT, type Text } from '../../i18n';
import { NotFoundPage } from '../NotFoundPage';
import { PageHeader } from '../PageHeader';
import { QueryError } from '../QueryError';
import { DraftEditor } from './DraftEditor';
import { ESCALATION_NOTIFY_LABELS, PROFILE_STATUS_COLORS, PROFILE_STATUS_LABELS } from './labels';
import { ProfileActions } from './ProfileActions';
import { RulesTable } from './RulesTable';
import type { CaseClockSet, ProfileDefinition } from './types';
import { useProfile } from './useProfiles';
import { useCan } from '../auth/useCan';

interface Escalation {
  at: { usedFraction?: number; afterDueMinutes?: number };
  notify: string;
  template: string;
}

function CaseClocksTable({ def }: { def: ProfileDefinition }) {
  const t = useT();
  const label = (key: string): Text => def.rules.find((r) => r.key === key)?.label ?? { zh: key, en: key };
  const columns: TableColumnsType<CaseClockSet> = [
    { title: t('cases.type'), dataIndex: 'type', render: (v: string) => t(lookup(CASE_TYPE_LABELS, v)) },
    { title: t('cases.faultClass'), dataIndex: 'faultClass', render: (v: string | undefined) => (v ? t(lookup(FAULT_CLASS_LABELS, v)) : '—') },
    {
      title: t('policy.clocksStarted'),
      key: 'clocks',
      render: (_, c) => (
        <Space orientation="vertical" size={2}>
          {c.clocks.map((k) => (
            <span key={k.rule}>
              {t(label(k.rule))}
              <Tag style={{ marginInlineStart: 8 }}>{t('policy.metBy', { action: t(lookup(CASE_ACTION_LABELS, k.metBy)) })}</Tag>
              {k.startsOn === 'fee_paid' && <Tag color="blue">{t('policy.startsOnFeePaid')}</Tag>}
            </span>
          ))}
        </Space>
      ),
    },
  ];
  return (
    <Table<CaseClockSet>
      rowKey={(c) => `${c.type}-${c.faultClass ?? ''}`}
      size="small"
      columns={columns}
      dataSource={def.caseClocks ?? []}
      pagination={false}
    />
  );
}

function EscalationTable({ levels }: { levels: Escalation[] }) {
  const t = useT();
  const when = (e: Escalation) =>
    e.at.usedFraction !== undefined
      ? t('policy.escalateUsed', { pct: Math.round(e.at.usedFraction * 100) })
      : e.at.afterDueMinutes
        ? t('policy.escalateAfter', { span: t(durationWords(e.at.afterDueMinutes)) })
        : t('policy.escalateAtDue');
  const columns: TableColumnsType<Escalation> = [
    { title: t('policy.escalateWhen'), key: 'when', render: (_, e) => when(e) },
    { title: t('policy.escalateNotify'), dataIndex: 'notify', render: (v: string) => t(lookup(ESCALATION_NOTIFY_LABELS, v)) },
    { title: t('policy.escalateTemplate'), dataIndex: 'template', render: (v: string) => <Tag>{v}</Tag> },
  ];
  return <Table<Escalation> rowKey={(e) => `${e.notify}-${e.template}`} size="small" columns={columns} dataSource={levels} pagination={false} />;
}

export function ProfilePage() {
  const t = useT();
  const navigate = useNavigate();
  const canEdit = useCan('policy.write');
  const params = useParams();
  const version = Number(params.version);
  const profile = useProfile(params.id, version);

  if (!Number.isInteger(version) || (profile.error instanceof ApiRequestError && profile.error.status === 404)) return <NotFoundPage />;
  if (profile.isPending) return <Skeleton active paragraph={{ rows: 10 }} />;
  if (profile.isError) return <QueryError error={profile.error} onRetry={() => void profile.refetch()} />;
  const p = profile.data;
  const def = p.definition;
  const isDraft = p.status === 'draft';

  return (
    <>
      <PageHeader
        title={`${t(p.name)} · v${p.version}`}
        rules={['R-CMT-01', 'R-CMT-02']}
        extra={
          <Space wrap>
            <Tag color={PROFILE_STATUS_COLORS[p.status]} data-testid="profile-status" data-status={p.status}>
              {t(lookup(PROFILE_STATUS_LABELS, p.status))}
            </Tag>
            {canEdit && <ProfileActions profile={p} />}
            <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/commitments/profiles')}>
              {t('policy.backToProfiles')}
            </Button>
          </Space>
        }
      />
      {p.status === 'active' && <Alert type="success" showIcon title={t('policy.activeHint')} style={{ marginBottom: 16 }} />}
      {isDraft && <Alert type="warning" showIcon title={t('policy.draftBanner')} style={{ marginBottom: 16 }} />}
      <Card size="small" style={{ marginBottom: 16 }}>
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2, xl: 3 }}
          items={[
            { key: 'id', label: t('policy.id'), children: `${p.id} v${p.version}` },
            { key: 'authority', label: t('policy.authority'), children: p.authority },
            { key: 'basedOn', label: t('policy.basedOn'), children: p.basedOn ?? '—' },
            { key: 'dayWindow', label: t('policy.dayWindow'), children: def.dayWindow ? `${def.dayWindow.start} – ${def.dayWindow.end}` : '—' },
            { key: 'created', label: t('policy.createdAt'), children: formatDateTime(p.createdAt) },
            { key: 'activated', label: t('policy.activatedAt'), children: formatDateTime(p.activatedAt) },
          ]}
        />
      </Card>
      <Card>
        <Tabs
          defaultActiveKey={isDraft && canEdit ? 'edit' : 'rules'}
          items={[
            { key: 'rules', label: t('policy.tabRules'), children: <RulesTable rules={def.rules ?? []} /> },
            { key: 'caseClocks', label: t('policy.tabCaseClocks'), children: <CaseClocksTable def={def} /> },
            { key: 'escalation', label: t('policy.tabEscalation'), children: <EscalationTable levels={(def.escalation ?? []) as Escalation[]} /> },
            ...(isDraft && canEdit ? [{ key: 'edit', label: t('policy.tabEdit'), children: <DraftEditor key={`${p.id}@${p.version}`} profile={p} /> }] : []),
          ]}
        />
      </Card>
    </>
  );
}
