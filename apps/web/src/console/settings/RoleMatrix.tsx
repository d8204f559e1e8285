// The role → permission table as a grid: one row per permission, one column per role. Used as a
// form control (value / onChange) and read-only to show the version in force.
import { PERMISSION_LABELS, PERMISSIONS, type Permission, ROLE_LABELS, ROLES, type Role } from '@griddesk/shared';
import { Checkbox, Table, type TableColumnsType } from 'antd';
import { useT } from '../../i18n';

export type RoleTable = Record<Role, Permission[]>;

interface Props {
  value?: RoleTable;
  onChange?: (next: RoleTable) => void;
  readOnly?: boolean;
}

export function RoleMatrix({ value, onChange, readOnly }: Props) {
  const t = useT();
  const table = value ?? (Object.fromEntries(ROLES.map((r) => [r, []])) as unknown as RoleTable);
  const toggle = (role: Role, p: Permission, on: boolean) => {
    const current = table[role] ?? [];
    const next = on ? PERMISSIONS.filter((x) => x === p || current.includes(x)) : current.filter((x) => x !== p);
    onChange?.({ ...table, [role]: next });
  };
  const columns: TableColumnsType<{ permission: Permission }> = [
    { title: t('rules.permission'), dataIndex: 'permission', fixed: 'left', width: 200, render: (p: Permission) => t(PERMISSION_LABELS[p]) },
    ...ROLES.map((role) => ({
      title: t(ROLE_LABELS[role]),
      key: role,
      align: 'center' as const,
      width: 90,
      render: (_: unknown, row: { permission: Permission }) => (
        <Checkbox
          aria-label={`${t(ROLE_LABELS[role])} · ${t(PERMISSION_LABELS[row.permission])}`}
          data-testid={`perm-${role}-${row.permission}`}
          checked={(table[role] ?? []).includes(row.permission)}
          disabled={readOnly}
          onChange={(e) => toggle(role, row.permission, e.target.checked)}
        />
      ),
    })),
  ];
  return (
    <Table<{ permission: Permission }>
      data-testid="role-matrix"
      rowKey="permission"
      size="small"
      columns={columns}
      dataSource={PERMISSIONS.map((permission) => ({ permission }))}
      pagination={false}
      scroll={{ x: 200 + ROLES.length * 90, y: 520 }}
    />
  );
}
