// A subject kind of the clocked workflow: cases today; applications, rectification notices, outage
// notices, tool test dues and survey windows next. A kind registers its status machine, says which
// clocks of its profile version run for a subject, loads its subjects, and says who hears when a
// level is reached or a deadline is missed. The engine does the rest: projection, scan, calendar.
import type { ClockSpec, CommitmentProfile, EscalationLevel, Machine, SubjectHistory } from '@griddesk/domain';
import type { Calendar } from '@griddesk/domain';
import type { Tx } from '../commands';

/** One subject as the engine sees it; `row` is whatever the kind's hooks need. */
export interface Subject<Row = unknown> {
  id: number;
  stationId: number;
  state: string;
  profileId: string;
  profileVersion: number;
  history: SubjectHistory;
  row: Row;
}

export interface Escalation {
  rule: string;
  /** index into the profile's escalation levels */
  level: number;
  def: EscalationLevel;
  dueAt: Date;
  usedFraction: number | null;
  profile: CommitmentProfile;
  now: Date;
}

export interface Breach {
  rule: string;
  dueAt: Date;
  profile: CommitmentProfile;
  calendar: Calendar;
  now: Date;
}

export interface SubjectKind<Row = unknown> {
  kind: string;
  // biome-ignore lint/suspicious/noExplicitAny: each kind has its own state and action unions
  machine: Machine<any, any>;
  /** the clocks of the subject's profile version that run for it */
  clocks(profile: CommitmentProfile, subject: Subject<Row>): readonly ClockSpec[];
  /** subjects by id, read in the caller's transaction (missing ids are left out) */
  load(tx: Tx, ids: readonly number[]): Promise<Subject<Row>[]>;
  /** ids of every subject after `after`, ascending, at most `limit`: for building the projection of old data */
  ids(tx: Tx, after: number, limit: number): Promise<number[]>;
  /** a level was reached (R-CASE-05): queue the notices; returns how many were queued */
  escalate?(tx: Tx, subject: Subject<Row>, e: Escalation): Promise<number>;
  /** a deadline passed unmet, or was met late (R-CMT-12): record it once; true when recorded now */
  breach?(tx: Tx, subject: Subject<Row>, b: Breach): Promise<boolean>;
}

const kinds = new Map<string, SubjectKind>();

/** Registers a kind (once per process; registering the same name again replaces it, for tests). */
export function registerSubjectKind<Row>(kind: SubjectKind<Row>): SubjectKind<Row> {
  kinds.set(kind.kind, kind as SubjectKind);
  return kind;
}

export function subjectKind(name: string): SubjectKind {
  const k = kinds.get(name);
  if (!k) throw new Error(`workflow: subject kind "${name}" is not registered`);
  return k;
}

export function subjectKinds(): SubjectKind[] {
  return [...kinds.values()];
}
