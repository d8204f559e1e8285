// R-ORG-01: add a station or a team under the selected unit, edit a unit's names and public
// details, or move it under another parent of the right kind. The server checks scope and kinds
// again and names any field it refuses.
import { TEAM_KINDS, TEAM_KIND_LABELS, type TeamKind } from '@griddesk/shared';
import { useMutation } from '@tanstack/react-query';
import { Alert, App, type ButtonProps, Col, Form, Input, Modal, Row, Select, Typography } from 'antd';
import { errorMessage } from '../../api';
import { showFieldErrors } from '../../ApiErrorAlert';
import { lookup, useLang, useT, type MsgKey } from '../../i18n';
import { CHILD_KIND, PARENT_KIND, orgApi, useRefreshOrg, type OrgUnitView } from './orgApi';

export type UnitFormMode = { kind: 'create'; parent: OrgUnitView } | { kind: 'edit'; unit: OrgUnitView } | { kind: 'move'; unit: OrgUnitView };

interface FormValues {
  code: string;
  name: string;
  nameEn?: string;
  teamKind?: TeamKind | null;
  address?: string;
  phone?: string;
  serviceHours?: string;
  parentId?: number;
}

const CODE = /^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$/;
const KIND_LABEL: Record<'county' | 'station' | 'team', MsgKey> = { county: 'org.kind.county', station: 'org.kind.station', team: 'org.kind.team' };

export function UnitFormModal({ mode, units, onClose }: { mode: UnitFormMode | null; units: OrgUnitView[]; onClose: () => void }) {
  const t = useT();
  const { lang } = useLang();
  const { message } = App.useApp();
  const refresh = useRefreshOrg();
  const [form] = Form.useForm<FormValues>();
  const unitKind = mode === null ? null : mode.kind === 'create' ? CHILD_KIND[mode.parent.kind] : mode.unit.kind;
  const save = useMutation({
    mutationFn: async (v: FormValues) => {
      if (mode === null) throw new Error('no form');
      const blank = (s: string | undefined) => (s?.trim() ? s.trim() : null);
      if (mode.kind === 'move') return orgApi.updateUnit(mode.unit.id, { parentId: v.parentId! });
      const details = {
        name: v.name.trim(),
        nameEn: blank(v.nameEn),
        ...(unitKind === 'team' ? { teamKind: v.teamKind ?? null } : { address: blank(v.address), phone: blank(v.phone), serviceHours: blank(v.serviceHours) }),
      };
      if (mode.kind === 'edit') return orgApi.updateUnit(mode.unit.id, { code: v.code.trim(), ...details });
      return orgApi.createUnit({ kind: unitKind!, parentId: mode.parent.id, code: v.code.trim(), ...details });
    },
    onSuccess: (unit) => {
      refresh();
      if (mode?.kind === 'move') {
        void message.success(t('org.unitMoved', { name: unit.name, parent: units.find((u) => u.id === unit.parentId)?.name ?? '' }));
      } else {
        void message.success(t(mode?.kind === 'create' ? 'org.unitCreated' : 'org.unitSaved', { name: unit.name }));
      }
      onClose();
    },
    onError: (err) => showFieldErrors(form, err, lang),
  });

  if (mode === null || unitKind === null) return null;
  const title =
    mode.kind === 'create'
      ? t(unitKind === 'station' ? 'org.addStation' : 'org.addTeam')
      : mode.kind === 'move'
        ? `${t('org.moveUnit')}：${mode.unit.name}`
        : `${t('org.editUnit')}：${mode.unit.name}`;
  const wantedParent = mode.kind === 'move' ? PARENT_KIND[mode.unit.kind] : null;
  const parents = units.filter((u) => u.kind === wantedParent && u.administrable && !u.retired && mode.kind === 'move' && u.id !== mode.unit.parentId);
  const initial: Partial<FormValues> =
    mode.kind === 'create'
      ? { teamKind: null }
      : {
          code: mode.unit.code,
          name: mode.unit.name,
          nameEn: mode.unit.nameEn ?? '',
          teamKind: mode.unit.teamKind,
          address: mode.unit.address ?? '',
          phone: mode.unit.phone ?? '',
          serviceHours: mode.unit.serviceHours ?? '',
        };
  const required = { required: true, whitespace: true, message: t('org.required') };

  return (
    <Modal
      open
      title={title}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('org.save')}
      cancelText={t('org.cancel')}
      okButtonProps={{ loading: save.isPending, 'data-testid': 'unit-submit' } as ButtonProps}
      destroyOnHidden
      width={640}
    >
      {save.isError && <Alert type="error" showIcon title={errorMessage(save.error, t)} style={{ marginBottom: 16 }} data-testid="unit-error" />}
      <Form<FormValues> form={form} layout="vertical" initialValues={initial} onFinish={(v) => save.mutate(v)} preserve={false}>
        {mode.kind === 'move' ? (
          <>
            <Typography.Paragraph type="secondary">{t('org.moveHint')}</Typography.Paragraph>
            <Form.Item name="parentId" label={t('org.newParent')} rules={[{ required: true, message: t('org.required') }]}>
              <Select data-testid="unit-parent" options={parents.map((p) => ({ value: p.id, label: p.name }))} showSearch={{ optionFilterProp: 'label' }} />
            </Form.Item>
          </>
        ) : (
          <>
            <Typography.Paragraph type="secondary">
              {t('org.parent')}：{mode.kind === 'create' ? mode.parent.name : (units.find((u) => u.id === mode.unit.parentId)?.name ?? '—')} ·{' '}
              {t(KIND_LABEL[unitKind])}
            </Typography.Paragraph>
            <Row gutter={16}>
              <Col xs={24} sm={10}>
                <Form.Item
                  name="code"
                  label={t('org.unitCode')}
                  extra={t('org.unitCodeHint')}
                  rules={[required, { pattern: CODE, message: t('org.codeInvalid') }]}
                >
                  <Input data-testid="unit-code" maxLength={32} />
                </Form.Item>
              </Col>
              <Col xs={24} sm={14}>
                <Form.Item name="name" label={t('org.unitName')} rules={[required]}>
                  <Input data-testid="unit-name" maxLength={60} />
                </Form.Item>
              </Col>
            </Row>
            <Row gutter={16}>
              <Col xs={24} sm={unitKind === 'team' ? 14 : 24}>
                <Form.Item name="nameEn" label={t('org.unitNameEn')}>
                  <Input maxLength={120} />
                </Form.Item>
              </Col>
              {unitKind === 'team' && (
                <Col xs={24} sm={10}>
                  <Form.Item name="teamKind" label={t('org.teamKind')}>
                    <Select<TeamKind | null>
                      allowClear
                      options={TEAM_KINDS.map((k) => ({ value: k, label: t(lookup(TEAM_KIND_LABELS, k)) }))}
                      data-testid="unit-team-kind"
                    />
                  </Form.Item>
                </Col>
              )}
            </Row>
            {unitKind !== 'team' && (
              <>
                <Form.Item name="address" label={t('org.address')}>
                  <Input maxLength={200} />
                </Form.Item>
                <Row gutter={16}>
                  <Col xs={24} sm={10}>
                    <Form.Item name="phone" label={t('org.phone')}>
                      <Input maxLength={24} inputMode="tel" />
                    </Form.Item>
                  </Col>
                  <Col xs={24} sm={14}>
                    <Form.Item name="serviceHours" label={t('org.serviceHours')}>
                      <Input maxLength={200} />
                    </Form.Item>
                  </Col>
                </Row>
              </>
            )}
          </>
        )}
      </Form>
    </Modal>
  );
}
