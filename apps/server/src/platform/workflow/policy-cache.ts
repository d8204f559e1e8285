// Commitment profile versions and the calendar, kept in memory (R-CMT-01, R-CMT-02). A published
// profile version never changes, so it is cached for good; the active pointer and the calendar's
// revision are read in one small query per transaction, and the calendar is reloaded only when
// its revision moved (a trigger moves it on every change to overrides or declared years, whichever
// process made it). Caches are per database instance, so one process may open several.
import { sql, type Kysely } from 'kysely';
import type { Calendar, CommitmentProfile } from '@griddesk/domain';
import type { DB } from '../../db/schema';
import { loadCalendar } from '../../policy/repo';

const profiles = new Map<string, CommitmentProfile>();
const calendars = new Map<string, { revision: number; value: Calendar }>();

/** The policy in force for one transaction: the calendar, the active profile, any profile version. */
export interface PolicyView {
  calendar: Calendar;
  /** null only in a database without an active profile (never after start) */
  active: CommitmentProfile | null;
  profile(id: string, version: number): Promise<CommitmentProfile>;
}

async function loadProfile(db: Kysely<DB>, instance: string, id: string, version: number): Promise<CommitmentProfile> {
  const k = `${instance}/${id}@${version}`;
  const hit = profiles.get(k);
  if (hit) return hit;
  const row = await db
    .selectFrom('commitment_profiles')
    .select(['id', 'version', 'definition', 'status'])
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  if (!row) throw new Error(`commitment profile ${id}@${version} is missing`);
  const profile: CommitmentProfile = { ...(row.definition as CommitmentProfile), id: row.id, version: row.version };
  // a draft is still being edited; every other version is frozen
  if (row.status !== 'draft') profiles.set(k, profile);
  return profile;
}

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
  const active = pointer.id && pointer.version !== null ? await loadProfile(db, pointer.instance, pointer.id, Number(pointer.version)) : null;
  return { calendar: cal.value, active, profile: (id, version) => loadProfile(db, pointer.instance, id, version) };
}

export async function policyView(db: Kysely<DB>): Promise<PolicyView> {
  const { rows } = await sql<PolicyPointer>`
    select r.instance, r.revision, p.id, p.version from calendar_revision r
    left join commitment_profiles p on p.status = 'active'`.execute(db);
  const row = rows[0];
  if (!row) throw new Error('calendar_revision has no row: migration 20261202_0011_workflow.sql is not applied');
  return policyAt(db, row);
}
