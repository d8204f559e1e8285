// The fields each case action needs, and nothing more (R-CASE-03, R-CASE-04, R-CASE-06, R-CMT-05).
import { POST_LABELS, type CaseAction } from '@griddesk/shared';
import { Alert, Form, Input, Rate, Select, Typography } from 'antd';
import { lookup, useT } from '../../i18n';
import { useCurrentUser } from '../auth/RequireAuth';
import type { CaseView } from '@griddesk/shared';
import { stationScope, teamsOf, useOrgUnits, useStaffOf } from './useOrg';

export interface ActionForm {
  assigneeId?: number;
  teamId?: number;
  ownerId?: number;
  reason?: string;
  conclusion?: string;
  satisfaction?: number;
  comment?: string;
}

interface StaffSelectProps {
  orgUnitId: number | 'visible' | undefined;
  testId: string;
  allowClear?: boolean;
  /** set by the enclosing Form.Item */
  value?: number;
  onChange?: (v: number | undefined) => void;
}

function StaffSelect({ orgUnitId, testId, allowClear, value, onChange }: StaffSelectProps) {
  const t = useT();
  const staff = useStaffOf(orgUnitId);
  return (
    <Select<number>
      data-testid={testId}
      value={value}
      onChange={onChange}
      showSearch={{ optionFilterProp: 'label' }}
      allowClear={allowClear}
      loading={staff.isFetching}
      disabled={orgUnitId === undefined}
      placeholder={t('actions.pickStaff')}
      options={(staff.data ?? []).map((u) => ({
        value: u.id,
        label: `${u.displayName}（${u.orgUnitName} · ${t(lookup(POST_LABELS, u.post))}）${u.onDuty ? '' : ` · ${t('org.offDuty')}`}`,
      }))}
    />
  );
}

function AssignFields({ c }: { c: CaseView }) {
  const t = useT();
  const units = useOrgUnits();
  return (
    <Form.Item name="assigneeId" label={t('actions.assignee')} rules={[{ required: true, message: t('actions.assigneeRequired') }]}>
      <StaffSelect orgUnitId={stationScope(units.data, c.stationId)} testId="case-assignee" />
    </Form.Item>
  );
}

function TransferFields({ c }: { c: CaseView }) {
  const t = useT();
  const units = useOrgUnits();
  const form = Form.useFormInstance<ActionForm>();
  const teamId = Form.useWatch<number | undefined>('teamId', form);
  return (
    <>
      <Form.Item name="teamId" label={t('actions.team')} rules={[{ required: true, message: t('actions.teamRequired') }]}>
        <Select<number>
          data-testid="case-team"
          loading={units.isPending}
          placeholder={t('actions.pickTeam')}
          // the receiver is picked from the chosen team
          onChange={() => form.setFieldValue('ownerId', undefined)}
          options={teamsOf(units.data, c.stationId).map((u) => ({ value: u.id, label: u.name }))}
        />
      </Form.Item>
      <Form.Item name="ownerId" label={t('actions.newOwner')} extra={t('actions.newOwnerHint')}>
        <StaffSelect orgUnitId={teamId} testId="case-owner" allowClear />
      </Form.Item>
    </>
  );
}

function CallbackFields({ c }: { c: CaseView }) {
  const t = useT();
  const me = useCurrentUser();
  const notOwner = c.owner && c.owner.id !== me.id;
  return (
    <>
      {notOwner && <Alert type="warning" showIcon title={t('actions.callbackOwner', { name: c.owner?.name ?? '—' })} style={{ marginBottom: 16 }} />}
      <Form.Item name="satisfaction" label={t('actions.satisfaction')} rules={[{ required: true, message: t('actions.satisfactionRequired') }]}>
        <Rate data-testid="case-satisfaction" />
      </Form.Item>
      <Form.Item name="comment" label={t('actions.comment')}>
        <Input.TextArea data-testid="case-comment" rows={3} maxLength={1000} showCount />
      </Form.Item>
    </>
  );
}

export function ActionFields({ action, c }: { action: CaseAction; c: CaseView }) {
  const t = useT();
  switch (action) {
    case 'assign':
      return <AssignFields c={c} />;
    case 'transfer':
      return <TransferFields c={c} />;
    case 'pause':
      return (
        <Form.Item
          name="reason"
          label={t('actions.pauseReason')}
          extra={t('actions.pauseHint')}
          rules={[{ required: true, whitespace: true, message: t('actions.reasonRequired') }]}
        >
          <Input.TextArea data-testid="case-reason" rows={3} maxLength={500} showCount />
        </Form.Item>
      );
    case 'resolve':
      return (
        <Form.Item
          name="conclusion"
          label={t('actions.conclusion')}
          extra={t('actions.conclusionHint')}
          rules={[{ required: true, whitespace: true, message: t('actions.conclusionRequired') }]}
        >
          <Input.TextArea data-testid="case-conclusion" rows={4} maxLength={4000} showCount />
        </Form.Item>
      );
    case 'callback':
      return <CallbackFields c={c} />;
    case 'reopen':
      return (
        <Form.Item name="reason" label={t('actions.reopenReason')}>
          <Input.TextArea data-testid="case-reason" rows={3} maxLength={500} showCount />
        </Form.Item>
      );
    default:
      return <Typography.Paragraph>{t(`actions.confirm.${action}`, { code: c.queryCode })}</Typography.Paragraph>;
  }
}
