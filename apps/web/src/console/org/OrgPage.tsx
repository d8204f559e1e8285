// R-ORG-01..03: the org tree and its staff. Everyone with org.read sees them; an administrator
// (org.admin) adds, edits, moves and retires units and adds, edits, disables and resets staff
// inside the subtree they administer.
import { DownOutlined, PlusOutlined, UserOutlined } from '@ant-design/icons';
import { POST_LABELS, ROLES, ROLE_LABELS, type Role } from '@griddesk/shared';
import { useMutation } from '@tanstack/react-query';
import {
  App,
  Avatar,
  Badge,
  Button,
  Card,
  Col,
  Dropdown,
  Flex,
  Grid,
  Input,
  List,
  Row,
  Select,
  Space,
  Table,
  Tag,
  Tooltip,
  Typography,
  type TableColumnsType,
} from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../api';
import { formatDateTime } from '../../format';
import { lookup, useT } from '../../i18n';
import { PageHeader } from '../PageHeader';
import { QueryError } from '../QueryError';
import { useCurrentUser } from '../auth/RequireAuth';
import { useCan } from '../auth/useCan';
import { usePagedList } from '../usePagedList';
import { OrgTreeCard } from './OrgTreeCard';
import { USERS_PATH, orgApi, useRefreshOrg, useUnits, type UserView } from './orgApi';
import { ResetPasswordModal } from './ResetPasswordModal';
import { UnitFormModal, type UnitFormMode } from './UnitFormModal';
import { UserDrawer, type UserDrawerMode } from './UserDrawer';

interface Filters {
  orgUnitId?: number | undefined;
  role?: Role | undefined;
  active?: boolean | undefined;
  q?: string | undefined;
  [key: string]: string | number | boolean | undefined;
}

function RoleTags({ roles }: { roles: string[] }) {
  const t = useT();
  return (
    <Space size={4} wrap>
      {roles.map((r) => (
        <Tag key={r} style={{ marginInlineEnd: 0 }}>
          {t(lookup(ROLE_LABELS, r))}
        </Tag>
      ))}
    </Space>
  );
}

/** On duty or not, and the account: enabled or disabled, locked by failed sign-ins, waiting for a new password. */
function StatusTags({ user: u }: { user: UserView }) {
  const t = useT();
  return (
    <Space size={4} wrap>
      <Badge status={u.onDuty ? 'success' : 'default'} text={t(u.onDuty ? 'org.onDuty' : 'org.offDuty')} style={{ marginInlineEnd: 4 }} />
      <Tag color={u.active ? 'green' : 'red'} style={{ marginInlineEnd: 0 }}>
        {t(u.active ? 'org.active' : 'org.inactive')}
      </Tag>
      {u.lockedUntil && (
        <Tooltip title={t('org.lockedUntil', { at: formatDateTime(u.lockedUntil) })}>
          <Tag color="orange" style={{ marginInlineEnd: 0 }} data-testid="user-locked">
            {t('org.locked')}
          </Tag>
        </Tooltip>
      )}
      {u.mustChangePassword && (
        <Tag color="gold" style={{ marginInlineEnd: 0 }}>
          {t('org.mustChange')}
        </Tag>
      )}
    </Space>
  );
}

export function OrgPage() {
  const t = useT();
  const me = useCurrentUser();
  const { message, modal } = App.useApp();
  const canAdmin = useCan('org.admin');
  const screens = Grid.useBreakpoint();
  const refresh = useRefreshOrg();
  const [showRetired, setShowRetired] = useState(false);
  const units = useUnits(showRetired);
  const staff = usePagedList<UserView, Filters>(USERS_PATH, {});
  const [unitForm, setUnitForm] = useState<UnitFormMode | null>(null);
  const [drawer, setDrawer] = useState<UserDrawerMode | null>(null);
  const [resetting, setResetting] = useState<UserView | null>(null);
  const selected = units.data?.find((u) => u.id === staff.filters.orgUnitId);

  const account = useMutation({
    mutationFn: ({ user, action }: { user: UserView; action: 'disable' | 'enable' | 'unlock' }) =>
      action === 'unlock' ? orgApi.unlock(user.id) : orgApi.updateUser(user.id, { disabled: action === 'disable' }),
    onSuccess: (user, { action }) => {
      refresh();
      void message.success(t(action === 'disable' ? 'org.disabled' : action === 'enable' ? 'org.enabled' : 'org.unlocked', { name: user.displayName }));
    },
    onError: (err) => void message.error({ content: errorMessage(err, t), duration: 8 }),
  });

  const confirmDisable = (user: UserView) =>
    modal.confirm({
      title: t('org.disableConfirm', { name: user.displayName }),
      content: t('org.disableConfirmHint'),
      okText: t('org.disable'),
      okButtonProps: { danger: true },
      cancelText: t('org.cancel'),
      onOk: () => account.mutateAsync({ user, action: 'disable' }).catch(() => undefined),
    });

  const columns: TableColumnsType<UserView> = [
    {
      title: t('org.displayName'),
      dataIndex: 'displayName',
      render: (name: string, u) => (
        <Space size={8}>
          <Avatar shape="square" size={36} src={u.photoUrl ?? undefined} icon={u.photoUrl ? undefined : <UserOutlined />} alt={t('org.photo')} />
          <Flex vertical>
            <Typography.Text strong>{name}</Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {u.username}
            </Typography.Text>
          </Flex>
        </Space>
      ),
    },
    {
      title: `${t('org.post')} / ${t('org.badgeNo')}`,
      dataIndex: 'post',
      render: (p: string, u) => (
        <Flex vertical>
          <span>{t(lookup(POST_LABELS, p))}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {u.badgeNo ?? '—'}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('org.roles'),
      dataIndex: 'roles',
      render: (roles: string[]) => <RoleTags roles={roles} />,
    },
    { title: t('org.unit'), dataIndex: 'orgUnitName' },
    {
      title: t('org.status'),
      key: 'status',
      render: (_: unknown, u) => <StatusTags user={u} />,
    },
  ];
  const actions = (u: UserView) =>
    u.administrable ? (
      <Space size={4}>
        <Button size="small" type="link" onClick={() => setDrawer({ kind: 'edit', user: u })} data-testid={`user-edit-${u.username}`}>
          {t('org.editUnit')}
        </Button>
        <Dropdown
          trigger={['click']}
          menu={{
            items: [
              { key: 'reset', label: t('org.resetPassword') },
              ...(u.lockedUntil ? [{ key: 'unlock', label: t('org.unlock') }] : []),
              ...(u.id === me.id ? [] : [u.active ? { key: 'disable', label: t('org.disable'), danger: true } : { key: 'enable', label: t('org.enable') }]),
            ],
            onClick: ({ key }) => {
              if (key === 'reset') setResetting(u);
              else if (key === 'disable') confirmDisable(u);
              else account.mutate({ user: u, action: key as 'enable' | 'unlock' });
            },
          }}
        >
          <Button size="small" type="link" data-testid={`user-more-${u.username}`}>
            {t('org.more')} <DownOutlined />
          </Button>
        </Dropdown>
      </Space>
    ) : null;
  if (canAdmin) columns.push({ title: t('org.actions'), key: 'actions', render: (_: unknown, u) => actions(u) });

  return (
    <>
      <PageHeader title={t('org.title')} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={7} xxl={6}>
          <OrgTreeCard
            units={units.data}
            query={units}
            selectedId={staff.filters.orgUnitId}
            onSelect={(id) => staff.setFilters({ orgUnitId: id })}
            showRetired={showRetired}
            onShowRetired={setShowRetired}
            onForm={setUnitForm}
          />
        </Col>
        <Col xs={24} xl={17} xxl={18}>
          <Card
            title={selected ? t('org.staffOf', { unit: selected.name }) : t('org.staff')}
            extra={
              canAdmin && (
                <Button
                  type="primary"
                  size="small"
                  icon={<PlusOutlined />}
                  onClick={() => setDrawer({ kind: 'create', unitId: selected?.administrable && !selected.retired ? selected.id : undefined })}
                  data-testid="user-add"
                >
                  {t('org.addUser')}
                </Button>
              )
            }
          >
            <Flex gap={8} wrap style={{ marginBottom: 16 }}>
              <Input.Search
                allowClear
                placeholder={t('org.search')}
                onSearch={(q) => staff.setFilters({ q: q.trim() || undefined })}
                style={{ width: 240, maxWidth: '100%' }}
                data-testid="user-search"
              />
              <Select<Role | undefined>
                allowClear
                placeholder={t('org.allRoles')}
                style={{ width: 160 }}
                value={staff.filters.role}
                onChange={(role) => staff.setFilters({ role })}
                options={ROLES.map((r) => ({ value: r, label: t(lookup(ROLE_LABELS, r)) }))}
                data-testid="user-role-filter"
              />
              <Select<'true' | 'false' | undefined>
                allowClear
                placeholder={t('org.allStatus')}
                style={{ width: 130 }}
                value={staff.filters.active === undefined ? undefined : staff.filters.active ? 'true' : 'false'}
                onChange={(v) => staff.setFilters({ active: v === undefined ? undefined : v === 'true' })}
                options={[
                  { value: 'true', label: t('org.active') },
                  { value: 'false', label: t('org.inactive') },
                ]}
                data-testid="user-status-filter"
              />
              {selected && (
                <Button onClick={() => staff.setFilters({ orgUnitId: undefined })} data-testid="user-show-all">
                  {t('org.showAll')}
                </Button>
              )}
            </Flex>
            {staff.query.isError && <QueryError error={staff.query.error} onRetry={() => void staff.query.refetch()} />}
            {screens.md ? (
              <Table<UserView>
                data-testid="staff-table"
                rowKey="id"
                size="middle"
                columns={columns}
                dataSource={staff.rows}
                loading={staff.query.isFetching}
                pagination={staff.pagination}
                scroll={{ x: 'max-content' }}
              />
            ) : (
              // a phone gets one card per person instead of a table to scroll sideways
              <List<UserView>
                data-testid="staff-table"
                dataSource={staff.rows}
                loading={staff.query.isFetching}
                pagination={{
                  current: staff.pagination.current,
                  pageSize: staff.pagination.pageSize,
                  total: staff.pagination.total,
                  onChange: staff.pagination.onChange,
                  showTotal: staff.pagination.showTotal,
                  size: 'small',
                  align: 'center',
                }}
                renderItem={(u) => (
                  <List.Item key={u.id} actions={canAdmin && u.administrable ? [actions(u)] : []} style={{ flexWrap: 'wrap', gap: 8 }}>
                    <List.Item.Meta
                      avatar={<Avatar shape="square" size={48} src={u.photoUrl ?? undefined} icon={u.photoUrl ? undefined : <UserOutlined />} />}
                      title={
                        <Space size={6} wrap>
                          {u.displayName}
                          <Typography.Text type="secondary" style={{ fontWeight: 'normal', fontSize: 12 }}>
                            {t(lookup(POST_LABELS, u.post))} · {u.badgeNo ?? '—'}
                          </Typography.Text>
                        </Space>
                      }
                      description={
                        <Flex vertical gap={4}>
                          <span>{u.orgUnitName}</span>
                          <RoleTags roles={u.roles} />
                          <StatusTags user={u} />
                        </Flex>
                      }
                    />
                  </List.Item>
                )}
              />
            )}
          </Card>
        </Col>
      </Row>
      <UnitFormModal mode={unitForm} units={units.data ?? []} onClose={() => setUnitForm(null)} />
      {drawer && <UserDrawer key={drawer.kind === 'edit' ? drawer.user.id : 'new'} mode={drawer} units={units.data ?? []} onClose={() => setDrawer(null)} />}
      <ResetPasswordModal user={resetting} onClose={() => setResetting(null)} />
    </>
  );
}
