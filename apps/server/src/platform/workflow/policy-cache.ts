// The policy a clocked subject runs under (R-CMT-01, R-CMT-02): the commitment profile version in
// force and the calendar. Published profile versions never change and are kept in memory by the
// policy repository; the version in force and the calendar's revision are read in one small query,
// exact (not a cache with a lifetime), and the calendar is reloaded only when its revision moved —
// a trigger moves it on every change to overrides or declared years, whichever process made it.
// Calendars are kept per database instance, so one process may open several.
import { sql, type Kysely } from 'kysely';
import type { Calendar, CommitmentProfile } from '@griddesk/domain';
import type { DB } from '../../db/schema';
import { loadCalendar, profileVersion } from '../../policy/repo';

const calendars = new Map<string, { revision: number; value: Calendar }>();

/** The policy in force for one transaction: the calendar, the active profile, any profile version. */
export interface PolicyView {
  calendar: Calendar;
  /** null only in a database without an active profile (never after start) */
  active: CommitmentProfile | null;
  profile(id: string, version: number): Promise<CommitmentProfile>;
}

async function loadProfile(db: Kysely<DB>, id: string, version: number): Promise<CommitmentProfile> {
  // published versions are kept per database by the policy repository; drafts are read each time
  const profile = await profileVersion(db, id, version);
  if (!profile) throw new Error(`commitment profile ${id}@${version} is missing`);
  return profile;
}

/** The columns and tables of the pointer, for callers that fold it into a query of their own. */
export const POLICY_POINTER = {
  columns: sql`r.instance, r.revision, p.id, p.version`,
  from: sql`calendar_revision r left join lateral (
      select d.key as id, d.version from documents d where d.kind = 'commitment-profile' and d.active order by d.key limit 1
    ) p on true`,
};

/** What one small query tells about the policy in force: which database, calendar revision, active version. */
export interface PolicyPointer {
  instance: string;
  revision: number;
  /** the active profile version, null when none is active */
  id: string | null;
  version: number | null;
}

/** The policy a pointer names: from memory when cached, loading what moved. */
export async function policyAt(db: Kysely<DB>, pointer: PolicyPointer): Promise<PolicyView> {
  const revision = Number(pointer.revision);
  let cal = calendars.get(pointer.instance);
  if (!cal || cal.revision !== revision) {
    // loaded after the revision was read: a change committed in between only makes the next reload come sooner
    cal = { revision, value: await loadCalendar(db) };
    calendars.set(pointer.instance, cal);
  }
  const active = pointer.id && pointer.version !== null ? await loadProfile(db, pointer.id, Number(pointer.version)) : null;
  return { calendar: cal.value, active, profile: (id, version) => loadProfile(db, id, version) };
}

export async function policyView(db: Kysely<DB>): Promise<PolicyView> {
  const { rows } = await sql<PolicyPointer>`select ${POLICY_POINTER.columns} from ${POLICY_POINTER.from}`.execute(db);
  const row = rows[0];
  if (!row) throw new Error('calendar_revision has no row: migration 20261202_0011_workflow.sql is not applied');
  return policyAt(db, row);
}
