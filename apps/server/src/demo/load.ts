// `griddesk demo`: a deterministic demo county — 示范供电所 with its teams and staff and a
// ledger of about 20,000 customers in 150 transformer areas on 10 feeders — loaded through the
// same import path a clerk uses, so the demo also exercises it.
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { writeAudit } from '../audit/write';
import { ensureRootCounty } from '../org/bootstrap';
import { hashPassword, randomPassword } from '../org/password';
import { importLedger, type ImportActor } from '../ledger/import';
import { generateLedger, toCsv, type GenerateOptions } from './generator';
import { DEMO_STAFF, DEMO_STATION, DEMO_TEAMS, badgeNo } from './staff';
import { loadDemoMetering } from './metering-demo';

export const DEMO_LEDGER: GenerateOptions = { customers: 20_000, areas: 150, feeders: 10, seed: 20261123, stationCodes: [DEMO_STATION.code] };

const SYSTEM = { id: null, name: 'system', orgUnitId: null };

export async function hasStations(db: Kysely<DB>): Promise<boolean> {
  return !!(await db.selectFrom('org_units').select('id').where('kind', '=', 'station').limit(1).executeTakeFirst());
}

async function createOrg(db: Kysely<DB>, staffPassword: string | undefined): Promise<number> {
  const countyId = await ensureRootCounty(db);
  const county = await db.selectFrom('org_units').select('path').where('id', '=', countyId).executeTakeFirstOrThrow();
  // Without a configured demo password the staff accounts exist but nobody can sign in as them.
  const hash = await hashPassword(staffPassword ?? randomPassword(32));
  return db.transaction().execute(async (tx) => {
    const station = await tx
      .insertInto('org_units')
      .values({
        code: DEMO_STATION.code,
        name: DEMO_STATION.name,
        name_en: DEMO_STATION.nameEn,
        kind: 'station',
        parent_id: countyId,
        path: county.path,
        address: DEMO_STATION.address,
        phone: DEMO_STATION.phone,
        service_hours: DEMO_STATION.serviceHours,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const stationPath = `${county.path}${station.id}/`;
    await tx.updateTable('org_units').set({ path: stationPath }).where('id', '=', station.id).execute();
    const teamIds = new Map<string, number>();
    for (const t of DEMO_TEAMS) {
      const team = await tx
        .insertInto('org_units')
        .values({ code: t.code, name: t.name, kind: 'team', team_kind: t.kind, parent_id: station.id, path: stationPath })
        .returning('id')
        .executeTakeFirstOrThrow();
      await tx
        .updateTable('org_units')
        .set({ path: `${stationPath}${team.id}/` })
        .where('id', '=', team.id)
        .execute();
      teamIds.set(t.code, team.id);
    }
    await tx
      .insertInto('users')
      .values(
        DEMO_STAFF.map((s, i) => ({
          username: s.username,
          password_hash: hash,
          display_name: s.name,
          org_unit_id: s.team ? teamIds.get(s.team)! : station.id,
          post: s.post,
          badge_no: badgeNo(i),
          roles: s.roles,
          phone: null,
          photo_url: null,
          on_duty: s.onDuty,
        })),
      )
      .execute();
    await writeAudit(tx, SYSTEM, {
      entity: 'org_unit',
      entityId: station.id,
      action: 'demo.create',
      after: { station: DEMO_STATION.code, teams: DEMO_TEAMS.length, staff: DEMO_STAFF.length },
    });
    return station.id;
  });
}

export interface DemoResult {
  stationId: number;
  counts: Record<string, number>;
}

export interface DemoOptions {
  staffPassword?: string | undefined;
  log?: (msg: string) => void;
  /** readings, line loss, daily series, screening and an inspection campaign (default true) */
  metering?: boolean;
  /** the demo's "today": the metering year ends the month before (default: now) */
  now?: Date;
}

export async function loadDemo(db: Kysely<DB>, opts: DemoOptions = {}): Promise<DemoResult> {
  const log = opts.log ?? (() => {});
  if (await hasStations(db)) throw new Error('the database already has a station; the demo loads only into an empty database');
  const stationId = await createOrg(db, opts.staffPassword);
  const ledger = generateLedger(DEMO_LEDGER);
  const actor: ImportActor = { audit: SYSTEM, stationIds: [stationId] };
  const counts: Record<string, number> = {};
  for (const kind of ['feeders', 'areas', 'customers', 'meters'] as const) {
    const result = await importLedger(db, actor, kind, `demo-${kind}.csv`, Buffer.from(toCsv(kind, ledger[kind])));
    if (result.status !== 'succeeded') throw new Error(`demo ${kind} rejected: ${JSON.stringify(result.errors.slice(0, 3))}`);
    counts[kind] = result.rows;
    log(`demo: ${kind} ${result.rows}`);
  }
  await addContracts(db, stationId);
  await assignAreaManagers(db, stationId);
  if (opts.metering !== false) await loadDemoMetering(db, SYSTEM, stationId, ledger, opts.now ?? new Date(), log);
  return { stationId, counts };
}

/** Supply contracts for the high-voltage and important customers (R-LED-01). */
async function addContracts(db: Kysely<DB>, stationId: number): Promise<void> {
  const rows = await db
    .selectFrom('customers')
    .select(['id', 'account_no'])
    .where('station_id', '=', stationId)
    .where((eb) => eb.or([eb('voltage_level', '=', 'HV'), eb('important', '=', true)]))
    .orderBy('id')
    .execute();
  if (!rows.length) return;
  await db
    .insertInto('supply_contracts')
    .values(
      rows.map((r, i) => ({
        contract_no: `HT${r.account_no}`,
        customer_id: r.id,
        station_id: stationId,
        signed_on: `202${i % 5}-0${(i % 9) + 1}-15`,
        expires_on: `203${i % 5}-0${(i % 9) + 1}-14`,
        capacity_kva: [315, 400, 630, 800, 1250][i % 5]!,
      })),
    )
    .execute();
}

/** 分片管理: each transformer area gets a responsible distribution-team member (R-MTR-05). */
async function assignAreaManagers(db: Kysely<DB>, stationId: number): Promise<void> {
  const crew = await db
    .selectFrom('users')
    .innerJoin('org_units', 'org_units.id', 'users.org_unit_id')
    .select('users.id')
    .where('org_units.code', '=', 'ST01-PD')
    .orderBy('users.id')
    .execute();
  const areas = await db.selectFrom('areas').select('id').where('station_id', '=', stationId).orderBy('id').execute();
  if (!crew.length) return;
  for (let i = 0; i < crew.length; i++) {
    const ids = areas.filter((_, j) => j % crew.length === i).map((a) => a.id);
    if (ids.length) await db.updateTable('areas').set({ manager_id: crew[i]!.id }).where('id', 'in', ids).execute();
  }
}
