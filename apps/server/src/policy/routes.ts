// Policy administration (R-CMT-02): the working-day calendar with overrides per date and a
// warning for years without official data, and the deadline calculator. Commitment profiles are
// in profile-routes.ts.
import { dueAt, findRule, formatShanghai, hasYear, isWorkday, parseInstant, addDays, type ServiceArea } from '@griddesk/domain';
import {
  type CalendarDay,
  CalendarDayParams,
  CalendarOverrideInput,
  CalendarOverrideRemoved,
  CalendarOverrideResult,
  CalendarQuery,
  CalendarYear,
  CalendarYearDeclared,
  CalendarYearParams,
  DeadlineAnswer,
  DeadlineQuery,
} from '@griddesk/shared';
import { errors } from '../errors';
import { actorOf, type App, type AppContext } from '../http/context';
import { auditActor, writeAudit } from '../audit/write';
import { activeProfiles, loadCalendar } from './repo';
import { reprojectForCalendarDay } from '../platform/workflow';

export function policyRoutes(app: App, ctx: AppContext): void {
  const db = ctx.database.db;

  app.get(
    '/api/policy/calendar',
    {
      config: { permission: 'signed-in' },
      schema: {
        tags: ['policy'],
        summary: 'Special days of a year (holidays, make-up workdays) and whether official data is present',
        querystring: CalendarQuery,
        response: { 200: CalendarYear },
      },
    },
    async (req) => {
      const year = req.query.year;
      const [cal, overrides] = await Promise.all([
        loadCalendar(db),
        db.selectFrom('calendar_overrides').select('day').where('day', '>=', `${year}-01-01`).where('day', '<=', `${year}-12-31`).execute(),
      ]);
      const overridden = new Set(overrides.map((o) => o.day));
      const days = [...cal.special.values()]
        .filter((s) => s.day.startsWith(`${year}-`))
        .sort((a, b) => a.day.localeCompare(b.day))
        .map((s): CalendarDay => ({ day: s.day, off: s.off, name: s.name ?? null, source: overridden.has(s.day) ? 'override' : 'bundled' }));
      const has = hasYear(cal, year);
      return {
        year,
        hasOfficialData: has,
        items: days,
        total: days.length,
        warning: has
          ? null
          : {
              zh: `${year} 年尚无官方节假日安排数据：工作日按周一至周五计算，请录入国务院办公厅通知中的放假和调休日期。`,
              en: `No official holiday data for ${year}: working days are counted Monday to Friday until the State Council notice's holidays and make-up days are entered.`,
            },
      };
    },
  );

  app.put(
    '/api/policy/calendar/:day',
    {
      config: { permission: 'policy.write' },
      schema: {
        tags: ['policy'],
        summary: 'Override one date: a day off or a working day',
        params: CalendarDayParams,
        body: CalendarOverrideInput,
        response: { 200: CalendarOverrideResult },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      const { day } = req.params;
      if (addDays(day, 0) !== day) throw errors.validation([{ field: 'day', reason: 'is not a calendar date', reasonZh: '不是有效日期' }]);
      await db.transaction().execute(async (tx) => {
        const before = await tx.selectFrom('calendar_overrides').select(['off', 'name']).where('day', '=', day).executeTakeFirst();
        await tx
          .insertInto('calendar_overrides')
          .values({ day, off: req.body.off, name: req.body.name ?? null, created_by: actor.id })
          .onConflict((oc) => oc.column('day').doUpdateSet({ off: req.body.off, name: req.body.name ?? null, created_by: actor.id }))
          .execute();
        await writeAudit(tx, auditActor(actor), { entity: 'calendar_day', entityId: day, action: 'override', before: before ?? null, after: req.body });
        await reprojectForCalendarDay(tx, day, req.now); // open items counted in working days move (R-CMT-02)
      });
      return { day, off: req.body.off, workday: isWorkday(await loadCalendar(db), day) };
    },
  );

  app.delete(
    '/api/policy/calendar/:day',
    {
      config: { permission: 'policy.write' },
      schema: {
        tags: ['policy'],
        summary: 'Remove an override',
        params: CalendarDayParams,
        response: { 200: CalendarOverrideRemoved },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      const removed = await db.transaction().execute(async (tx) => {
        const before = await tx.deleteFrom('calendar_overrides').where('day', '=', req.params.day).returning(['off', 'name']).executeTakeFirst();
        if (before) await writeAudit(tx, auditActor(actor), { entity: 'calendar_day', entityId: req.params.day, action: 'remove_override', before });
        if (before) await reprojectForCalendarDay(tx, req.params.day, req.now);
        return Boolean(before);
      });
      return { day: req.params.day, removed, workday: isWorkday(await loadCalendar(db), req.params.day) };
    },
  );

  app.post(
    '/api/policy/calendar/years/:year',
    {
      config: { permission: 'policy.write' },
      schema: {
        tags: ['policy'],
        summary: 'Declare that a year’s official holiday notice has been entered',
        params: CalendarYearParams,
        response: { 200: CalendarYearDeclared },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      await db.transaction().execute(async (tx) => {
        await tx
          .insertInto('calendar_years')
          .values({ year: req.params.year, declared_by: actor.id })
          .onConflict((oc) => oc.column('year').doNothing())
          .execute();
        await writeAudit(tx, auditActor(actor), { entity: 'calendar_year', entityId: req.params.year, action: 'declare' });
      });
      return { year: req.params.year, hasOfficialData: true as const };
    },
  );

  app.get(
    '/api/policy/deadline',
    {
      config: { permission: 'signed-in' },
      schema: {
        tags: ['policy'],
        summary: 'Deadline calculator (the same function the cases use)',
        querystring: DeadlineQuery,
        response: { 200: DeadlineAnswer },
      },
    },
    async (req) => {
      const q = req.query;
      const profile = (await activeProfiles(db)).find((p) => p.id === q.profile);
      if (!profile) throw errors.validation([{ field: 'profile', value: q.profile, reason: 'unknown profile', reasonZh: '承诺方案不存在' }]);
      const rule = findRule(profile, q.rule);
      if (!rule) throw errors.validation([{ field: 'rule', value: q.rule, reason: `unknown rule in ${profile.id}`, reasonZh: '规则不存在' }]);
      const from = parseInstant(q.from);
      if (!from) throw errors.validation([{ field: 'from', value: q.from, reason: 'is not an ISO-8601 instant', reasonZh: '时间格式不正确' }]);
      const due = dueAt(rule, from, { calendar: await loadCalendar(db), area: (q.area ?? 'urban') as ServiceArea, dayWindow: profile.dayWindow });
      return { dueAt: formatShanghai(due!), profile: { id: profile.id, version: profile.version }, rule: rule.key };
    },
  );
}
