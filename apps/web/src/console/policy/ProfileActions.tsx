// Clone a profile version into a draft, and activate a version for new cases. Activation never
// touches open cases: they keep the deadlines of the version they were opened under (R-CMT-01).
import { CheckCircleOutlined, CopyOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, Input, Modal, Space } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { apiPost, errorMessage } from '../../api';
import { ApiErrorAlert } from '../../ApiErrorAlert';
import { useT } from '../../i18n';
import type { ProfileSummary } from '@griddesk/shared';
import { profileKey, profilesKey } from './useProfiles';

export const profilePath = (p: { id: string; version: number }) => `/commitments/profiles/${encodeURIComponent(p.id)}/${p.version}`;

function CloneButton({ profile, size }: { profile: ProfileSummary; size?: 'small' | 'middle' }) {
  const t = useT();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ newId?: string }>();
  const clone = useMutation({
    mutationFn: (v: { newId?: string }) =>
      apiPost<{ id: string; version: number }>(
        `/api/policy/profiles/${encodeURIComponent(profile.id)}/${profile.version}/clone`,
        v.newId?.trim() ? { newId: v.newId.trim() } : {},
      ),
    onSuccess: (created) => {
      void queryClient.invalidateQueries({ queryKey: profilesKey });
      void message.success(t('policy.cloned', { id: created.id, version: created.version }));
      setOpen(false);
      navigate(profilePath(created));
    },
  });
  return (
    <>
      <Button size={size} icon={<CopyOutlined />} onClick={() => setOpen(true)} data-testid={`profile-clone-${profile.id}-${profile.version}`}>
        {t('policy.clone')}
      </Button>
      <Modal
        open={open}
        title={t('policy.cloneTitle', { id: profile.id, version: profile.version })}
        onCancel={() => setOpen(false)}
        destroyOnHidden
        footer={
          <Space>
            <Button onClick={() => setOpen(false)}>{t('cases.cancel')}</Button>
            <Button type="primary" loading={clone.isPending} onClick={() => form.submit()} data-testid="profile-clone-submit">
              {t('policy.clone')}
            </Button>
          </Space>
        }
      >
        <ApiErrorAlert error={clone.error} />
        <Form form={form} layout="vertical" onFinish={(v) => clone.mutate(v)}>
          <Form.Item
            name="newId"
            label={t('policy.newId')}
            extra={t('policy.newIdHint', { id: profile.id })}
            rules={[{ pattern: /^[a-z0-9-]{1,40}$/, message: t('policy.newIdInvalid') }]}
          >
            <Input placeholder={profile.id} data-testid="profile-clone-new-id" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

function ActivateButton({ profile, size }: { profile: ProfileSummary; size?: 'small' | 'middle' }) {
  const t = useT();
  const { modal, message } = App.useApp();
  const queryClient = useQueryClient();
  const activate = useMutation({
    mutationFn: () => apiPost(`/api/policy/profiles/${encodeURIComponent(profile.id)}/${profile.version}/activate`),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: profilesKey });
      void queryClient.invalidateQueries({ queryKey: profileKey(profile.id, profile.version) });
      void message.success(t('policy.activated', { name: t(profile.name) }));
    },
    onError: (err) => void message.error(errorMessage(err, t), 8),
  });
  const confirm = () =>
    modal.confirm({
      title: t('policy.activateTitle', { name: t(profile.name), version: profile.version }),
      content: t('policy.activateConfirm'),
      okText: t('policy.activate'),
      okButtonProps: { 'data-testid': 'profile-activate-confirm' },
      onOk: () => activate.mutateAsync().catch(() => undefined),
    });
  return (
    <Button
      size={size}
      type="primary"
      ghost
      icon={<CheckCircleOutlined />}
      loading={activate.isPending}
      onClick={confirm}
      data-testid={`profile-activate-${profile.id}-${profile.version}`}
    >
      {t('policy.activate')}
    </Button>
  );
}

/** The write actions for a version: shown to administrators only (policy.write). */
export function ProfileActions({ profile, size }: { profile: ProfileSummary; size?: 'small' | 'middle' }) {
  return (
    <Space size={6} wrap>
      <CloneButton profile={profile} size={size} />
      {profile.status !== 'active' && <ActivateButton profile={profile} size={size} />}
    </Space>
  );
}
