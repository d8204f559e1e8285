// The metering policy's values, one entry per figure: the page shows them and the form edits them
// from this one list. Fractions are edited as percentages; the range checks stay on the server
// (packages/domain metering/policy.ts), whose 422 names the field under which its reason shows.
import type { MsgKey } from '../../../i18n';
import { LOSS_LEVELS, THEFT_SIGNALS, type MeteringPolicy } from '@griddesk/shared';
import { LOSS_LEVEL_LABELS } from '../line-loss/lossLabels';
import { SIGNAL_LABELS } from '../theft/signalLabels';

/** percent: a fraction shown ×100; weight: a 0–1 figure shown as it is */
export type PolicyUnit = 'percent' | 'kwh' | 'factor' | 'months' | 'days' | 'weight';

export interface PolicyField {
  /** under the policy object; the form item is ['definition', ...path] as the server names it */
  path: string[];
  label: MsgKey;
  unit: PolicyUnit;
  integer?: boolean;
}

export interface PolicySection {
  key: string;
  title: MsgKey;
  hint?: MsgKey;
  fields: PolicyField[];
}

export const POLICY_SECTIONS: PolicySection[] = [
  {
    key: 'lineLoss',
    title: 'mpolicy.lineLoss',
    hint: 'mpolicy.lineLossHint',
    fields: [
      { path: ['lineLoss', 'minCoverage'], label: 'mpolicy.minCoverage', unit: 'percent' },
      ...LOSS_LEVELS.map((level): PolicyField => ({ path: ['lineLoss', 'target', level], label: LOSS_LEVEL_LABELS[level], unit: 'percent' })),
    ],
  },
  {
    key: 'readingFlags',
    title: 'mpolicy.readingFlags',
    hint: 'mpolicy.readingFlagsHint',
    fields: [
      { path: ['readingFlags', 'jumpFactor'], label: 'mpolicy.jumpFactor', unit: 'factor' },
      { path: ['readingFlags', 'jumpMinKwh'], label: 'mpolicy.jumpMinKwh', unit: 'kwh' },
      { path: ['readingFlags', 'historyMonths'], label: 'mpolicy.historyMonths', unit: 'months', integer: true },
    ],
  },
  {
    key: 'schedule',
    title: 'mpolicy.scheduleWatch',
    fields: [
      { path: ['schedule', 'toleranceDays'], label: 'mpolicy.toleranceDays', unit: 'days', integer: true },
      { path: ['watch', 'minStreak'], label: 'mpolicy.minStreak', unit: 'months', integer: true },
    ],
  },
  {
    key: 'largeCustomers',
    title: 'mpolicy.largeCustomers',
    fields: [
      { path: ['largeCustomers', 'minMonthlyKwh'], label: 'mpolicy.minMonthlyKwh', unit: 'kwh' },
      { path: ['largeCustomers', 'swing'], label: 'mpolicy.swing', unit: 'percent' },
    ],
  },
  {
    key: 'theft',
    title: 'mpolicy.theft',
    hint: 'mpolicy.theftHint',
    fields: [
      { path: ['theft', 'windowMonths'], label: 'mpolicy.windowMonths', unit: 'months', integer: true },
      { path: ['theft', 'minScore'], label: 'mpolicy.minScore', unit: 'weight' },
      ...THEFT_SIGNALS.map((s): PolicyField => ({ path: ['theft', 'weights', s], label: SIGNAL_LABELS[s], unit: 'weight' })),
    ],
  },
];

export const POLICY_FIELDS = POLICY_SECTIONS.flatMap((s) => s.fields);

type Tree = Record<string, unknown>;

function get(tree: unknown, path: string[]): unknown {
  return path.reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as Tree)[key] : undefined), tree);
}

function set(tree: Tree, path: string[], value: unknown): void {
  let node = tree;
  path.slice(0, -1).forEach((key) => {
    node[key] = typeof node[key] === 'object' && node[key] !== null ? { ...(node[key] as Tree) } : {};
    node = node[key] as Tree;
  });
  node[path.at(-1)!] = value;
}

// 0.07 × 100 is 7.000000000000001 in floating point: rounded back to what a person typed.
const clean = (n: number) => Number(n.toPrecision(12));

export function policyValue(policy: MeteringPolicy, field: PolicyField): number | undefined {
  const v = get(policy, field.path);
  return typeof v === 'number' ? v : undefined;
}

/** The policy as the form holds it: percentages for fractions. */
export function toFormValues(policy: MeteringPolicy): Tree {
  const out: Tree = {};
  for (const f of POLICY_FIELDS) {
    const v = policyValue(policy, f);
    set(out, f.path, v === undefined ? undefined : f.unit === 'percent' ? clean(v * 100) : v);
  }
  return out;
}

/**
 * The whole policy to publish: the active one with the form's figures over it, so a section this
 * page does not know (added by a later server) is sent back unchanged.
 */
export function fromFormValues(active: MeteringPolicy, form: Tree): MeteringPolicy {
  const out = structuredClone(active) as unknown as Tree;
  for (const f of POLICY_FIELDS) {
    const v = get(form, f.path);
    set(out, f.path, typeof v === 'number' && f.unit === 'percent' ? clean(v / 100) : (v ?? null));
  }
  return out as unknown as MeteringPolicy;
}
