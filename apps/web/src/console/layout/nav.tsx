// The console's sections, one per SPEC capability, in the order the menu shows them.
import {
  ApartmentOutlined,
  AuditOutlined,
  CustomerServiceOutlined,
  DashboardOutlined,
  DatabaseOutlined,
  FileAddOutlined,
  HistoryOutlined,
  LineChartOutlined,
  SafetyCertificateOutlined,
  SettingOutlined,
  ScheduleOutlined,
  SmileOutlined,
  ThunderboltOutlined,
} from '@ant-design/icons';
import type { MenuProps } from 'antd';
import type { ReactNode } from 'react';
import type { Permission } from '@griddesk/shared';
import type { MsgKey, Translate } from '../../i18n';

interface NavEntry {
  /** a route for a leaf; for a group only its menu key (a group opens, it does not navigate) */
  path: string;
  label: MsgKey;
  icon?: ReactNode;
  /** shown only to users holding this permission (a group: to those who can see any of its entries) */
  needs?: Permission;
  children?: NavEntry[];
}

const NAV: NavEntry[] = [
  { path: '/', label: 'nav.dashboard', icon: <DashboardOutlined /> },
  {
    path: '/ledger',
    label: 'nav.ledger',
    icon: <DatabaseOutlined />,
    needs: 'ledger.read',
    children: [
      { path: '/ledger/customers', label: 'nav.customers' },
      { path: '/ledger/feeders', label: 'nav.feeders' },
      { path: '/ledger/areas', label: 'nav.areas' },
      { path: '/ledger/meters', label: 'nav.meters' },
      { path: '/ledger/import', label: 'nav.importExport', needs: 'ledger.import' },
    ],
  },
  {
    path: 'group:cases',
    label: 'nav.cases',
    icon: <CustomerServiceOutlined />,
    needs: 'cases.read',
    children: [
      { path: '/cases', label: 'nav.caseList' },
      { path: '/cases/new', label: 'nav.caseNew', needs: 'cases.write' },
      { path: '/cases/overdue', label: 'nav.caseOverdue' },
      { path: '/cases/breaches', label: 'nav.caseBreaches' },
    ],
  },
  { path: '/applications', label: 'nav.applications', icon: <FileAddOutlined /> },
  {
    path: 'group:metering',
    label: 'nav.metering',
    icon: <LineChartOutlined />,
    needs: 'metering.read',
    children: [
      { path: '/metering/readings', label: 'nav.meteringReadings' },
      { path: '/metering/segments', label: 'nav.meteringSegments' },
      { path: '/metering/lineloss', label: 'nav.meteringLineLoss' },
      { path: '/metering/large-customers', label: 'nav.meteringLargeCustomers' },
      { path: '/metering/suspects', label: 'nav.meteringSuspects', needs: 'metering.theft' },
      { path: '/metering/inspections', label: 'nav.meteringInspections' },
      { path: '/metering/tariffs', label: 'nav.meteringTariffs' },
      { path: '/metering/policy', label: 'nav.meteringPolicy' },
    ],
  },
  { path: '/outages', label: 'nav.outages', icon: <ThunderboltOutlined /> },
  { path: '/safety', label: 'nav.safety', icon: <SafetyCertificateOutlined /> },
  { path: '/assessment', label: 'nav.assessment', icon: <AuditOutlined /> },
  { path: '/quality', label: 'nav.quality', icon: <SmileOutlined /> },
  {
    path: 'group:commitments',
    label: 'nav.commitments',
    icon: <ScheduleOutlined />,
    children: [
      { path: '/commitments/profiles', label: 'nav.profiles' },
      { path: '/commitments/calendar', label: 'nav.calendar' },
      { path: '/commitments/deadline', label: 'nav.deadline' },
    ],
  },
  { path: '/org', label: 'nav.org', icon: <ApartmentOutlined />, needs: 'org.read' },
  { path: '/settings/rules', label: 'nav.rules', icon: <SettingOutlined />, needs: 'org.read' },
  { path: '/audit', label: 'nav.audit', icon: <HistoryOutlined />, needs: 'audit.read' },
];

export const NAV_GROUP_KEYS = NAV.filter((e) => e.children).map((e) => e.path);

/** The menu for a user: entries whose permission the user lacks are left out, so are empty groups. */
export function navMenuItems(t: Translate, permissions: readonly Permission[]): NonNullable<MenuProps['items']> {
  const allowed = (e: NavEntry) => !e.needs || permissions.includes(e.needs);
  const toItem = (e: NavEntry): NonNullable<MenuProps['items']>[number] => ({
    key: e.path,
    icon: e.icon,
    label: t(e.label),
    ...(e.children ? { children: e.children.filter(allowed).map(toItem) } : {}),
  });
  return NAV.filter(allowed)
    .filter((e) => !e.children || e.children.some(allowed))
    .map(toItem);
}

const LEAF_PATHS = NAV.flatMap((e) => (e.children ? e.children.map((c) => c.path) : [e.path]));

/** The menu entry a location belongs to: the longest section path that prefixes it. */
export function navKeyFor(pathname: string): string {
  let best = '/';
  for (const path of LEAF_PATHS) {
    if ((pathname === path || pathname.startsWith(`${path}/`)) && path.length > best.length) best = path;
  }
  return best;
}
