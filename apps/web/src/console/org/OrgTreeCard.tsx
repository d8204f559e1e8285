// R-ORG-01: the org tree (county → station → team) with what an administrator does to the unit
// picked in it: add under it, edit, move, retire or restore. Buttons show only where the server
// would accept them (org.admin, inside the caller's subtree).
import { EditOutlined, NodeIndexOutlined, PlusOutlined, RollbackOutlined, StopOutlined } from '@ant-design/icons';
import { TEAM_KIND_LABELS } from '@griddesk/shared';
import { useMutation } from '@tanstack/react-query';
import { App, Button, Card, Divider, Flex, Grid, Skeleton, Space, Switch, Tag, Tree, Typography, type TreeDataNode } from 'antd';
import { errorMessage } from '../../api';
import { lookup, useT, type MsgKey, type Translate } from '../../i18n';
import { QueryError } from '../QueryError';
import { useCan } from '../auth/useCan';
import { CHILD_KIND, PARENT_KIND, orgApi, useRefreshOrg, type OrgUnitView } from './orgApi';
import type { UnitFormMode } from './UnitFormModal';

const KIND_LABELS: Record<OrgUnitView['kind'], MsgKey> = { county: 'org.kind.county', station: 'org.kind.station', team: 'org.kind.team' };
const KIND_COLORS: Record<OrgUnitView['kind'], string> = { county: 'purple', station: 'cyan', team: 'default' };

/** The API lists the caller's subtree flat; units whose parent is outside it become roots. */
function toTree(units: OrgUnitView[], t: Translate, compact: boolean): TreeDataNode[] {
  const known = new Set(units.map((u) => u.id));
  const children = new Map<number | null, OrgUnitView[]>();
  for (const u of units) {
    const parent = u.parentId !== null && known.has(u.parentId) ? u.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), u]);
  }
  const build = (parent: number | null): TreeDataNode[] =>
    (children.get(parent) ?? []).map((u) => ({
      key: u.id,
      title: (
        <Space size={6} wrap style={{ opacity: u.retired ? 0.55 : 1 }}>
          <span>{u.name}</span>
          {/* Team names already say what kind of team they are; the tag gives the level. */}
          <Tag color={KIND_COLORS[u.kind]} title={u.teamKind ? t(lookup(TEAM_KIND_LABELS, u.teamKind)) : undefined} style={{ marginInlineEnd: 0 }}>
            {t(KIND_LABELS[u.kind])}
          </Tag>
          {u.retired && <Tag style={{ marginInlineEnd: 0 }}>{t('org.retiredTag')}</Tag>}
          {u.activeStaff > 0 && !compact && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('org.staffCount', { n: u.activeStaff })}
            </Typography.Text>
          )}
        </Space>
      ),
      children: build(u.id),
    }));
  return build(null);
}

interface Props {
  units: OrgUnitView[] | undefined;
  query: { isPending: boolean; isError: boolean; error: unknown; refetch: () => unknown };
  selectedId: number | undefined;
  onSelect: (id: number | undefined) => void;
  showRetired: boolean;
  onShowRetired: (show: boolean) => void;
  onForm: (mode: UnitFormMode) => void;
}

export function OrgTreeCard({ units, query, selectedId, onSelect, showRetired, onShowRetired, onForm }: Props) {
  const t = useT();
  const { message, modal } = App.useApp();
  const canAdmin = useCan('org.admin');
  const screens = Grid.useBreakpoint();
  const refresh = useRefreshOrg();
  const selected = units?.find((u) => u.id === selectedId);

  const setRetired = useMutation({
    mutationFn: ({ unit, retired }: { unit: OrgUnitView; retired: boolean }) => orgApi.updateUnit(unit.id, { retired }),
    onSuccess: (unit) => {
      refresh();
      void message.success(t(unit.retired ? 'org.retired' : 'org.restored', { name: unit.name }));
    },
    // a refusal (staff or open work still there) says what is left, in the reader's language
    onError: (err) => void message.error({ content: errorMessage(err, t), duration: 8 }),
  });

  const confirmRetire = (unit: OrgUnitView) =>
    modal.confirm({
      title: t('org.retireConfirm', { name: unit.name }),
      content: t('org.retireConfirmHint'),
      okText: t('org.retireUnit'),
      okButtonProps: { danger: true },
      cancelText: t('org.cancel'),
      onOk: () => setRetired.mutateAsync({ unit, retired: true }).catch(() => undefined),
    });

  const childKind = selected ? CHILD_KIND[selected.kind] : null;
  const moveTargets = selected
    ? (units ?? []).filter((u) => u.kind === PARENT_KIND[selected.kind] && u.administrable && !u.retired && u.id !== selected.parentId)
    : [];
  const admin = canAdmin && selected?.administrable === true;

  return (
    <Card
      title={t('org.tree')}
      extra={
        <Space size={6}>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('org.showRetired')}
          </Typography.Text>
          <Switch size="small" checked={showRetired} onChange={onShowRetired} data-testid="org-show-retired" />
        </Space>
      }
    >
      {query.isPending && <Skeleton active />}
      {query.isError && <QueryError error={query.error} onRetry={() => void query.refetch()} />}
      {units && (
        <Tree
          data-testid="org-tree"
          blockNode
          defaultExpandAll
          key={units.length /* a new unit opens with the rest expanded */}
          treeData={toTree(units, t, !screens.sm)}
          selectedKeys={selectedId === undefined ? [] : [selectedId]}
          onSelect={(keys) => onSelect(keys.length ? Number(keys[0]) : undefined)}
        />
      )}
      <Divider style={{ marginBlock: 12 }} />
      {selected ? (
        <Flex vertical gap={8} data-testid="unit-actions">
          <Typography.Text>
            {t('org.selected')}：<Typography.Text strong>{selected.name}</Typography.Text>
            <Typography.Text type="secondary"> · {selected.code}</Typography.Text>
          </Typography.Text>
          {admin && (
            <Flex gap={8} wrap>
              {childKind && !selected.retired && (
                <Button size="small" icon={<PlusOutlined />} onClick={() => onForm({ kind: 'create', parent: selected })} data-testid="unit-add-child">
                  {t(childKind === 'station' ? 'org.addStation' : 'org.addTeam')}
                </Button>
              )}
              <Button size="small" icon={<EditOutlined />} onClick={() => onForm({ kind: 'edit', unit: selected })} data-testid="unit-edit">
                {t('org.editUnit')}
              </Button>
              {selected.kind !== 'county' && moveTargets.length > 0 && !selected.retired && (
                <Button size="small" icon={<NodeIndexOutlined />} onClick={() => onForm({ kind: 'move', unit: selected })} data-testid="unit-move">
                  {t('org.moveUnit')}
                </Button>
              )}
              {selected.kind !== 'county' &&
                (selected.retired ? (
                  <Button
                    size="small"
                    icon={<RollbackOutlined />}
                    onClick={() => setRetired.mutate({ unit: selected, retired: false })}
                    data-testid="unit-restore"
                  >
                    {t('org.restoreUnit')}
                  </Button>
                ) : (
                  <Button size="small" danger icon={<StopOutlined />} onClick={() => confirmRetire(selected)} data-testid="unit-retire">
                    {t('org.retireUnit')}
                  </Button>
                ))}
            </Flex>
          )}
        </Flex>
      ) : (
        <Typography.Text type="secondary">{t(canAdmin ? 'org.selectHint' : 'org.selectHintRead')}</Typography.Text>
      )}
    </Card>
  );
}
