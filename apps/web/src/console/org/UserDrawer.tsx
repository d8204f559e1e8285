// R-ORG-02, R-ORG-03: a staff account in a drawer — new (with an initial password under the
// policy) or edited (unit, post, roles, badge number, phone, on duty) — and the staff photo, shown
// before it is sent and on the portal's staff card once the person is on duty.
import { DeleteOutlined, UploadOutlined, UserOutlined } from '@ant-design/icons';
import { POSTS, POST_LABELS, ROLES, ROLE_LABELS, type Post, type Role } from '@griddesk/shared';
import { useMutation } from '@tanstack/react-query';
import { Alert, App, Avatar, Button, Checkbox, Col, Drawer, Flex, Form, Grid, Input, Row, Select, Space, Switch, TreeSelect, Typography, Upload } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { errorMessage } from '../../api';
import { showFieldErrors } from '../../ApiErrorAlert';
import { lookup, useLang, useT } from '../../i18n';
import { useCurrentUser } from '../auth/RequireAuth';
import { orgApi, usePasswordPolicy, useRefreshOrg, type OrgUnitView, type UserView } from './orgApi';

const USERNAME = /^[a-z][a-z0-9._-]{1,31}$/;
const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'];
const MAX_PHOTO_BYTES = 2 * 1024 * 1024;

interface FormValues {
  username: string;
  displayName: string;
  password?: string;
  mustChangePassword?: boolean;
  unitId: number;
  post: Post;
  roles: Role[];
  badgeNo?: string;
  phone?: string;
  onDuty: boolean;
}

interface TreeNode {
  value: number;
  title: string;
  disabled: boolean;
  children: TreeNode[];
}

/** The units as a tree for the picker: only those the caller administers and not retired can be picked. */
function unitTree(units: OrgUnitView[]): TreeNode[] {
  const known = new Set(units.map((u) => u.id));
  const build = (parent: number | null): TreeNode[] =>
    units
      .filter((u) => (u.parentId !== null && known.has(u.parentId) ? u.parentId : null) === parent)
      .map((u) => ({ value: u.id, title: u.name, disabled: !u.administrable || u.retired, children: build(u.id) }));
  return build(null);
}

export type UserDrawerMode = { kind: 'create'; unitId: number | undefined } | { kind: 'edit'; user: UserView };

export function UserDrawer({ mode, units, onClose }: { mode: UserDrawerMode | null; units: OrgUnitView[]; onClose: () => void }) {
  const t = useT();
  const { lang } = useLang();
  const { message } = App.useApp();
  const me = useCurrentUser();
  const refresh = useRefreshOrg();
  const policy = usePasswordPolicy();
  const screens = Grid.useBreakpoint();
  const [form] = Form.useForm<FormValues>();
  // after "create" the drawer stays open on the new account, so its photo can be added at once
  const [user, setUser] = useState<UserView | null>(mode?.kind === 'edit' ? mode.user : null);
  const [preview, setPreview] = useState<string | null>(null);
  useEffect(() => () => void (preview && URL.revokeObjectURL(preview)), [preview]);
  // a form keeps its values across renders: the account just made (or another one) starts from its own
  const userId = user?.id;
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset exactly when the account shown changes
  useEffect(() => form.resetFields(), [userId, form]);

  const tree = useMemo(() => unitTree(units), [units]);
  const roleOptions = ROLES.filter((r) => r !== 'admin' || me.roles.includes('admin')).map((r) => ({ value: r, label: t(lookup(ROLE_LABELS, r)) }));

  const save = useMutation({
    mutationFn: (v: FormValues) => {
      const common = {
        displayName: v.displayName.trim(),
        unitId: v.unitId,
        post: v.post,
        roles: v.roles,
        badgeNo: v.badgeNo?.trim() ? v.badgeNo.trim() : null,
        phone: v.phone?.trim() ? v.phone.trim() : null,
        onDuty: v.onDuty,
      };
      if (user) return orgApi.updateUser(user.id, common);
      return orgApi.createUser({ ...common, username: v.username.trim(), password: v.password ?? '', mustChangePassword: v.mustChangePassword ?? true });
    },
    onSuccess: (saved) => {
      refresh();
      if (user) {
        void message.success(t('org.userSaved', { name: saved.displayName }));
        onClose();
      } else {
        void message.success(t('org.userCreated', { name: saved.displayName }));
        setUser(saved);
      }
    },
    onError: (err) => showFieldErrors(form, err, lang),
  });

  const upload = useMutation({
    mutationFn: (file: File) => orgApi.uploadPhoto(user!.id, file),
    onSuccess: (saved) => {
      refresh();
      setUser(saved);
      setPreview(null);
      void message.success(t('org.photoSaved'));
    },
    onError: (err) => {
      setPreview(null);
      void message.error(errorMessage(err, t));
    },
  });
  const removePhoto = useMutation({
    mutationFn: () => orgApi.deletePhoto(user!.id),
    onSuccess: (saved) => {
      refresh();
      setUser(saved);
      void message.success(t('org.photoRemoved'));
    },
    onError: (err) => void message.error(errorMessage(err, t)),
  });

  if (mode === null) return null;
  const initial: Partial<FormValues> = user
    ? {
        username: user.username,
        displayName: user.displayName,
        unitId: user.orgUnitId,
        post: user.post,
        roles: user.roles,
        badgeNo: user.badgeNo ?? '',
        phone: user.phone ?? '',
        onDuty: user.onDuty,
      }
    : { unitId: mode.kind === 'create' ? mode.unitId : undefined, roles: [], onDuty: false, mustChangePassword: true };
  const minLength = policy.data?.minLength ?? 8;
  const required = { required: true, whitespace: true, message: t('org.required') };
  const photoSrc = preview ?? user?.photoUrl ?? undefined;

  return (
    <Drawer
      open
      title={user ? `${t('org.editUser')}：${user.displayName}` : t('org.newUserTitle')}
      onClose={onClose}
      size={screens.sm ? 560 : '100%'}
      destroyOnHidden
      data-testid="user-drawer"
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>{user && mode.kind === 'create' ? t('org.close') : t('org.cancel')}</Button>
          <Button type="primary" loading={save.isPending} onClick={() => form.submit()} data-testid="user-submit">
            {t('org.save')}
          </Button>
        </Flex>
      }
    >
      <Flex gap={16} align="center" style={{ marginBottom: 16 }} wrap>
        <Avatar shape="square" size={96} src={photoSrc} icon={photoSrc ? undefined : <UserOutlined />} data-testid="user-photo" alt={t('org.photo')} />
        <Flex vertical gap={8} style={{ flex: 1, minWidth: 200 }}>
          {user ? (
            <Space wrap>
              <Upload
                accept={PHOTO_TYPES.join(',')}
                showUploadList={false}
                beforeUpload={(file) => {
                  if (!PHOTO_TYPES.includes(file.type)) void message.error(t('org.photoWrongType'));
                  else if (file.size > MAX_PHOTO_BYTES) void message.error(t('org.photoTooLarge'));
                  else {
                    setPreview(URL.createObjectURL(file));
                    upload.mutate(file);
                  }
                  return Upload.LIST_IGNORE;
                }}
              >
                <Button icon={<UploadOutlined />} loading={upload.isPending} data-testid="user-photo-upload">
                  {t(user.photoUrl ? 'org.photoReplace' : 'org.photoUpload')}
                </Button>
              </Upload>
              {user.photoUrl && (
                <Button icon={<DeleteOutlined />} loading={removePhoto.isPending} onClick={() => removePhoto.mutate()}>
                  {t('org.photoRemove')}
                </Button>
              )}
            </Space>
          ) : (
            <Typography.Text type="secondary">{t('org.photoAfterCreate')}</Typography.Text>
          )}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('org.photoHint')}
          </Typography.Text>
        </Flex>
      </Flex>
      {save.isError && <Alert type="error" showIcon title={errorMessage(save.error, t)} style={{ marginBottom: 16 }} data-testid="user-error" />}
      <Form<FormValues> form={form} layout="vertical" initialValues={initial} onFinish={(v) => save.mutate(v)}>
        <Row gutter={16}>
          <Col xs={24} sm={12}>
            <Form.Item
              name="username"
              label={t('org.username')}
              extra={user ? undefined : t('org.usernameHint')}
              rules={user ? [] : [required, { pattern: USERNAME, message: t('org.usernameInvalid') }]}
            >
              <Input data-testid="user-username" disabled={user !== null} autoComplete="off" maxLength={32} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="displayName" label={t('org.displayName')} rules={[required]}>
              <Input data-testid="user-display-name" maxLength={40} />
            </Form.Item>
          </Col>
        </Row>
        {!user && (
          <>
            <Form.Item
              name="password"
              label={t('org.initialPassword')}
              extra={policy.data ? policy.data.rules[lang].slice(0, 3).join('；') : undefined}
              rules={[required, { min: minLength, message: t('password.tooShort', { n: minLength }) }]}
            >
              <Input.Password data-testid="user-password" autoComplete="new-password" />
            </Form.Item>
            <Form.Item name="mustChangePassword" valuePropName="checked">
              <Checkbox>{t('org.mustChangeFirst')}</Checkbox>
            </Form.Item>
          </>
        )}
        <Form.Item name="unitId" label={t('org.unit')} rules={[{ required: true, message: t('org.required') }]}>
          <TreeSelect data-testid="user-unit" treeData={tree} treeDefaultExpandAll showSearch={{ treeNodeFilterProp: 'title' }} />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} sm={12}>
            <Form.Item name="post" label={t('org.post')} rules={[{ required: true, message: t('org.required') }]}>
              <Select<Post> data-testid="user-post" options={POSTS.map((p) => ({ value: p, label: t(lookup(POST_LABELS, p)) }))} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="badgeNo" label={t('org.badgeNo')}>
              <Input data-testid="user-badge" maxLength={20} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          name="roles"
          label={t('org.roles')}
          extra={t('org.rolesHint')}
          rules={[{ required: true, type: 'array', min: 1, message: t('org.required') }]}
        >
          <Select<Role[]> data-testid="user-roles" mode="multiple" options={roleOptions} disabled={user?.id === me.id} />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} sm={12}>
            <Form.Item name="phone" label={t('org.phone.staff')}>
              <Input inputMode="tel" maxLength={24} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="onDuty" label={t('org.onDuty')} valuePropName="checked">
              <Switch data-testid="user-on-duty" />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Drawer>
  );
}
