// Commitment profiles (versioned documents of kind `commitment-profile`; builtin profiles are
// shipped as version 1, `seed` in force unless an administrator put another in force) and the
// calendar as stored.
import type { Kysely } from 'kysely';
import { chinaCalendar, type Calendar, type CommitmentProfile } from '@griddesk/domain';
import type { DB } from '../db/schema';
import { findVersion, listVersions } from '../platform/documents/repo';
import { inForce } from '../platform/documents/service';
import { COMMITMENT_PROFILES } from './kinds/commitment-profiles';
import { rootOf } from '../platform/transaction-scope';

const asProfile = (row: { key: string; version: number; definition: unknown }): CommitmentProfile => ({
  ...(row.definition as CommitmentProfile),
  id: row.key,
  version: row.version,
});

/** The profile in force for new cases (R-CMT-01). */
export async function activeProfile(db: Kysely<DB>): Promise<CommitmentProfile> {
  const p = await inForce(db, COMMITMENT_PROFILES);
  return { ...p.definition, id: p.key, version: p.version };
}

// A published version never changes, so what a case was opened under is read once per database.
const published = new WeakMap<Kysely<DB>, Map<string, Promise<CommitmentProfile | undefined>>>();

export function profileVersion(db: Kysely<DB>, id: string, version: number): Promise<CommitmentProfile | undefined> {
  const load = async () => {
    const row = await findVersion(db, COMMITMENT_PROFILES.kind, id, version);
    return row && { profile: asProfile(row), draft: row.status === 'draft' };
  };
  const root = rootOf(db);
  let cache = published.get(root);
  if (!cache) {
    cache = new Map();
    published.set(root, cache);
  }
  const key = `${id}@${version}`;
  const hit = cache.get(key);
  if (hit) return hit;
  // inside a transaction a miss is read through it and not kept
  if (db.isTransaction) return load().then((r) => r?.profile);
  const value = load().then((r) => {
    // drafts may still change, and an unknown version may be created later: neither is kept
    if (!r || r.draft) cache.delete(key);
    return r?.profile;
  });
  cache.set(key, value);
  return value;
}

/** For each profile id, the version a calculation by name means: the one in force, else the newest published. */
export async function activeProfiles(db: Kysely<DB>): Promise<CommitmentProfile[]> {
  const rows = (await listVersions(db, COMMITMENT_PROFILES.kind)).filter((r) => r.status !== 'draft');
  const best = new Map<string, (typeof rows)[number]>();
  for (const r of rows) {
    const cur = best.get(r.key);
    if (!cur || (r.active && !cur.active) || (r.active === cur.active && r.version > cur.version)) best.set(r.key, r);
  }
  return [...best.values()].sort((a, b) => a.key.localeCompare(b.key)).map(asProfile);
}

export async function loadCalendar(db: Kysely<DB>): Promise<Calendar> {
  const [overrides, years] = await Promise.all([
    db.selectFrom('calendar_overrides').select(['day', 'off', 'name']).execute(),
    db.selectFrom('calendar_years').select('year').execute(),
  ]);
  return chinaCalendar(
    overrides.map((o) => ({ day: o.day, off: o.off, ...(o.name ? { name: o.name } : {}) })),
    years.map((y) => y.year),
  );
}
