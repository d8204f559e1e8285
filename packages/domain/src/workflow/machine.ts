// A status machine as data (R-CASE-04 and every clocked workflow after it): the states, the states
// in which the subject is open (its clocks run), and each action with the permission it needs and
// where it leads from each state it is allowed in. Anything not in the table is a conflict.
import type { Permission } from '@griddesk/shared';

export interface MachineAction<S extends string> {
  /** what the actor must hold to take the action */
  permission: Permission;
  /** from-state → to-state, for every state the action is allowed in */
  moves: Readonly<Partial<Record<S, S>>>;
}

export interface Machine<S extends string, A extends string> {
  /** the subject kind this machine belongs to ('case', 'breach', …) */
  kind: string;
  states: readonly S[];
  initial: S;
  /** states in which the subject is open: its clocks run, it shows in inboxes and scans */
  open: readonly S[];
  /** declaration order is the order actions are offered in */
  actions: Readonly<Record<A, MachineAction<S>>>;
}

/** Checks a machine as it is defined: every move starts and ends in a known state. */
export function defineMachine<S extends string, A extends string>(m: Machine<S, A>): Machine<S, A> {
  const known = new Set<string>(m.states);
  if (!known.has(m.initial)) throw new Error(`${m.kind}: initial state ${m.initial} is not a state`);
  for (const s of m.open) if (!known.has(s)) throw new Error(`${m.kind}: open state ${s} is not a state`);
  for (const [action, def] of Object.entries(m.actions) as [A, MachineAction<S>][]) {
    for (const [from, to] of Object.entries(def.moves) as [S, S][]) {
      if (!known.has(from) || !known.has(to)) throw new Error(`${m.kind}: ${action} moves ${from} → ${to}, not both states`);
    }
  }
  return m;
}

/** Where `action` leads from `from`, or undefined when it is not allowed there. */
export function nextState<S extends string, A extends string>(m: Machine<S, A>, from: S, action: A): S | undefined {
  return m.actions[action]?.moves[from];
}

/** The actions allowed from a state, in declaration order; with `permissions`, only those the actor may take. */
export function actionsFrom<S extends string, A extends string>(m: Machine<S, A>, from: S, permissions?: readonly Permission[]): A[] {
  return (Object.keys(m.actions) as A[]).filter(
    (a) => m.actions[a].moves[from] !== undefined && (!permissions || permissions.includes(m.actions[a].permission)),
  );
}

export function isOpenState<S extends string, A extends string>(m: Machine<S, A>, state: S): boolean {
  return m.open.includes(state);
}
