// Reading segments and the reading schedule (R-MTR-01: "合理安排抄表时段，统一抄表时间"): each segment
// is read on its day of the month by its reader; the schedule report tells, per segment and month,
// how many meters were read on the day (within the policy's tolerance), off it, or not at all.
import { sql, type Kysely } from 'kysely';
import { daysInPeriod } from '@griddesk/domain';
import type { ScheduleRow } from '@griddesk/shared';
import type { DB } from '../../db/schema';
import { errors } from '../../errors';
import { writeAudit, type AuditActor } from '../../audit/write';

const scope = (ids: number[]) => (ids.length ? ids : [-1]);

export interface SegmentInput {
  code: string;
  name: string;
  stationId?: number;
  readingDay: number;
  readerId?: number | null;
}

export async function listSegments(db: Kysely<DB>, stationIds: number[]) {
  const rows = await sql<{
    id: number;
    code: string;
    name: string;
    station_id: number;
    reading_day: number;
    reader_id: number | null;
    reader_name: string | null;
    customers: number;
  }>`
    select s.id, s.code, s.name, s.station_id, s.reading_day, s.reader_id, u.display_name as reader_name,
           (select count(*)::int from customers c where c.reading_segment = s.code and c.station_id = s.station_id) as customers
    from reading_segments s left join users u on u.id = s.reader_id
    where s.station_id = any(${scope(stationIds)}::int[]) order by s.code`.execute(db);
  return rows.rows.map((r) => ({
    id: r.id,
    code: r.code,
    name: r.name,
    stationId: r.station_id,
    readingDay: r.reading_day,
    reader: r.reader_id === null ? null : { id: r.reader_id, name: r.reader_name ?? '' },
    customers: Number(r.customers),
  }));
}

/** Create a segment, or change the one with this code; audited with its before-image. */
export async function saveSegment(db: Kysely<DB>, actor: AuditActor, stationIds: number[], input: SegmentInput, now: Date) {
  const stationId = input.stationId ?? (stationIds.length === 1 ? stationIds[0] : undefined);
  if (stationId === undefined)
    throw errors.validation([{ field: 'stationId', reason: 'is required when you work for several stations', reasonZh: '您管辖多个供电所，须指定供电所' }]);
  if (!stationIds.includes(stationId)) throw errors.notFound({ zh: '供电所', en: 'Station' });
  if (input.readerId != null) {
    const reader = await db
      .selectFrom('users')
      .innerJoin('org_units as u', 'u.id', 'users.org_unit_id')
      .select('users.id')
      .where('users.id', '=', input.readerId)
      .where((eb) => eb.or([eb('u.id', '=', stationId), eb('u.parent_id', '=', stationId)]))
      .executeTakeFirst();
    if (!reader)
      throw errors.validation([
        { field: 'readerId', reason: 'must be a member of the station', reasonZh: '抄表员须为本所人员', value: String(input.readerId) },
      ]);
  }
  return db.transaction().execute(async (tx) => {
    const before = await tx.selectFrom('reading_segments').selectAll().where('code', '=', input.code).executeTakeFirst();
    if (before && !stationIds.includes(before.station_id)) throw errors.notFound({ zh: '抄表段', en: 'Reading segment' });
    const values = { code: input.code, name: input.name, station_id: stationId, reading_day: input.readingDay, reader_id: input.readerId ?? null };
    const row = before
      ? await tx
          .updateTable('reading_segments')
          .set({ ...values, updated_at: now })
          .where('id', '=', before.id)
          .returningAll()
          .executeTakeFirstOrThrow()
      : await tx.insertInto('reading_segments').values(values).returningAll().executeTakeFirstOrThrow();
    await writeAudit(tx, actor, { entity: 'reading_segment', entityId: row.code, action: before ? 'update' : 'create', before: before ?? null, after: values });
    return { id: row.id, code: row.code, name: row.name, stationId: row.station_id, readingDay: row.reading_day, readerId: row.reader_id };
  });
}

/** Put every customer of the given areas into the segment (a segment usually follows a walking route of areas). */
export async function assignAreas(db: Kysely<DB>, actor: AuditActor, stationIds: number[], code: string, areaCodes: string[], now: Date) {
  const seg = await db
    .selectFrom('reading_segments')
    .select(['code', 'station_id'])
    .where('code', '=', code)
    .where('station_id', 'in', scope(stationIds))
    .executeTakeFirst();
  if (!seg) throw errors.notFound({ zh: '抄表段', en: 'Reading segment' });
  const areas = await db.selectFrom('areas').select(['id', 'code']).where('code', 'in', areaCodes).where('station_id', '=', seg.station_id).execute();
  const unknown = areaCodes.filter((c) => !areas.some((a) => a.code === c));
  if (unknown.length)
    throw errors.validation(
      unknown.map((c) => ({
        field: 'areaCodes',
        value: c,
        reason: "is not a transformer area of the segment's station",
        reasonZh: '不是该抄表段所属供电所的台区',
      })),
    );
  return db.transaction().execute(async (tx) => {
    const moved = await tx
      .updateTable('customers')
      .set({ reading_segment: code, updated_at: now })
      .where(
        'area_id',
        'in',
        areas.map((a) => a.id),
      )
      .where((eb) => eb.or([eb('reading_segment', 'is', null), eb('reading_segment', '<>', code)]))
      .returning('id')
      .execute();
    await writeAudit(tx, actor, { entity: 'reading_segment', entityId: code, action: 'assign_areas', after: { areas: areaCodes, customers: moved.length } });
    return { code, areas: areaCodes.length, customers: moved.length };
  });
}

export async function readingSchedule(db: Kysely<DB>, period: string, stationIds: number[], toleranceDays: number): Promise<ScheduleRow[]> {
  const dim = daysInPeriod(period);
  const rows = await sql<{
    code: string | null;
    name: string | null;
    reading_day: number | null;
    reader: string | null;
    meters: number;
    on_schedule: number;
    off_schedule: number;
    unread: number;
  }>`
    with seg as (
      select s.code, s.name, s.station_id, s.reading_day, u.display_name as reader,
             to_date(${period} || '-' || lpad(least(s.reading_day, ${dim}::int)::text, 2, '0'), 'YYYY-MM-DD') as due
      from reading_segments s left join users u on u.id = s.reader_id
      where s.station_id = any(${scope(stationIds)}::int[])
    ),
    m as (
      select seg.code, seg.name, seg.reading_day, seg.reader, seg.due, r.id as reading_id,
             (r.read_at at time zone 'Asia/Shanghai')::date as read_on
      from meters mt join customers cu on cu.id = mt.customer_id
      left join seg on seg.code = cu.reading_segment and seg.station_id = cu.station_id
      left join readings r on r.meter_id = mt.id and r.period = ${period}
      where mt.role = 'customer' and mt.status = 'in_service' and mt.station_id = any(${scope(stationIds)}::int[])
    )
    select code, name, reading_day, reader, count(*)::int as meters,
           (count(*) filter (where due is not null and read_on is not null and abs(read_on - due) <= ${toleranceDays}::int))::int as on_schedule,
           (count(*) filter (where reading_id is not null and (due is null or read_on is null or abs(read_on - due) > ${toleranceDays}::int)))::int as off_schedule,
           (count(*) filter (where reading_id is null))::int as unread
    from m group by code, name, reading_day, reader order by code nulls last`.execute(db);
  // a segment with no customers yet still belongs in the schedule, with nothing to read
  const listed = new Set(rows.rows.map((r) => r.code));
  const empty = (await listSegments(db, stationIds))
    .filter((s) => !listed.has(s.code))
    .map((s) => ({
      code: s.code,
      name: s.name,
      reading_day: s.readingDay,
      reader: s.reader?.name ?? null,
      meters: 0,
      on_schedule: 0,
      off_schedule: 0,
      unread: 0,
    }));
  const all = [...rows.rows, ...empty].sort((a, b) => (a.code === null ? 1 : b.code === null ? -1 : a.code.localeCompare(b.code)));
  return all.map((r) => {
    const meters = Number(r.meters);
    return {
      code: r.code,
      name: r.name,
      readingDay: r.reading_day,
      reader: r.reader,
      scheduledOn: r.reading_day === null ? null : `${period}-${String(Math.min(r.reading_day, dim)).padStart(2, '0')}`,
      meters,
      onSchedule: Number(r.on_schedule),
      offSchedule: Number(r.off_schedule),
      unread: Number(r.unread),
      rate: meters && r.code !== null ? Number(r.on_schedule) / meters : null,
    };
  });
}
