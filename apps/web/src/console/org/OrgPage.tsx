import { ROLE_LABELS, POST_LABELS, TEAM_KIND_LABELS, type OrgKind } from '@griddesk/shared';
import { useQuery } from '@tanstack/react-query';
import { Badge, Button, Card, Col, Row, Skeleton, Space, Table, Tag, Tree, type TableColumnsType, type TreeDataNode } from 'antd';
import { apiGet } from '../../api';
import { lookup, useT, type MsgKey, type Translate } from '../../i18n';
import { PageHeader } from '../PageHeader';
import { QueryError } from '../QueryError';
import { usePagedList } from '../usePagedList';

interface OrgUnit {
  id: number;
  code: string;
  name: string;
  kind: OrgKind;
  teamKind: string | null;
  parentId: number | null;
}

interface StaffRow {
  id: number;
  username: string;
  displayName: string;
  post: string;
  badgeNo: string | null;
  roles: string[];
  orgUnitName: string;
  onDuty: boolean;
  active: boolean;
}

const KIND_LABELS: Record<OrgKind, MsgKey> = { county: 'org.kind.county', station: 'org.kind.station', team: 'org.kind.team' };
const KIND_COLORS: Record<OrgKind, string> = { county: 'purple', station: 'cyan', team: 'default' };

/** The API lists the caller's subtree flat; units whose parent is outside it become roots. */
function toTree(units: OrgUnit[], t: Translate): TreeDataNode[] {
  const known = new Set(units.map((u) => u.id));
  const children = new Map<number | null, OrgUnit[]>();
  for (const u of units) {
    const parent = u.parentId !== null && known.has(u.parentId) ? u.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), u]);
  }
  const build = (parent: number | null): TreeDataNode[] =>
    (children.get(parent) ?? []).map((u) => ({
      key: u.id,
      title: (
        <Space size={6}>
          {u.name}
          {/* Team names already say what kind of team they are; the tag gives the level. */}
          <Tag color={KIND_COLORS[u.kind]} title={u.teamKind ? t(lookup(TEAM_KIND_LABELS, u.teamKind)) : undefined}>
            {t(KIND_LABELS[u.kind])}
          </Tag>
        </Space>
      ),
      children: build(u.id),
    }));
  return build(null);
}

export function OrgPage() {
  const t = useT();
  const units = useQuery({ queryKey: ['/api/org/units'], queryFn: () => apiGet<OrgUnit[]>('/api/org/units') });
  const staff = usePagedList<StaffRow, { orgUnitId?: number | undefined }>('/api/org/users', {});
  const selected = units.data?.find((u) => u.id === staff.filters.orgUnitId);

  const columns: TableColumnsType<StaffRow> = [
    { title: t('org.displayName'), dataIndex: 'displayName' },
    { title: t('org.username'), dataIndex: 'username' },
    { title: t('org.post'), dataIndex: 'post', render: (p: string) => t(lookup(POST_LABELS, p)) },
    { title: t('org.badgeNo'), dataIndex: 'badgeNo', render: (b: string | null) => b ?? '—' },
    {
      title: t('org.roles'),
      dataIndex: 'roles',
      render: (roles: string[]) => (
        <Space size={4} wrap>
          {roles.map((r) => (
            <Tag key={r}>{t(lookup(ROLE_LABELS, r))}</Tag>
          ))}
        </Space>
      ),
    },
    { title: t('org.unit'), dataIndex: 'orgUnitName' },
    {
      title: t('org.dutyStatus'),
      dataIndex: 'onDuty',
      render: (on: boolean) => <Badge status={on ? 'success' : 'default'} text={t(on ? 'org.onDuty' : 'org.offDuty')} />,
    },
    {
      title: t('org.accountStatus'),
      dataIndex: 'active',
      render: (active: boolean) => <Tag color={active ? 'green' : 'red'}>{t(active ? 'org.active' : 'org.inactive')}</Tag>,
    },
  ];

  return (
    <>
      <PageHeader title={t('org.title')} rules={['R-ORG-01', 'R-ORG-02', 'R-ORG-03']} />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={8} xxl={6}>
          <Card title={t('org.tree')}>
            {units.isPending && <Skeleton active />}
            {units.isError && <QueryError error={units.error} onRetry={() => void units.refetch()} />}
            {units.data && (
              <Tree
                data-testid="org-tree"
                blockNode
                defaultExpandAll
                treeData={toTree(units.data, t)}
                selectedKeys={staff.filters.orgUnitId === undefined ? [] : [staff.filters.orgUnitId]}
                onSelect={(keys) => staff.setFilters({ orgUnitId: keys.length ? Number(keys[0]) : undefined })}
              />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={16} xxl={18}>
          <Card
            title={selected ? t('org.staffOf', { unit: selected.name }) : t('org.staff')}
            extra={
              selected && (
                <Button size="small" onClick={() => staff.setFilters({ orgUnitId: undefined })}>
                  {t('org.showAll')}
                </Button>
              )
            }
          >
            {staff.query.isError && <QueryError error={staff.query.error} onRetry={() => void staff.query.refetch()} />}
            <Table<StaffRow>
              data-testid="staff-table"
              rowKey="id"
              size="middle"
              columns={columns}
              dataSource={staff.rows}
              loading={staff.query.isFetching}
              pagination={staff.pagination}
              scroll={{ x: 'max-content' }}
            />
          </Card>
        </Col>
      </Row>
    </>
  );
}
