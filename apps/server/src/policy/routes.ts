// Policy administration (R-CMT-02): the working-day calendar with overrides per date and a
// warning for years without official data, and the deadline calculator. Commitment profiles are
// in profile-routes.ts.
import { dueAt, findRule, formatShanghai, hasYear, isWorkday, parseInstant, type ServiceArea } from '@griddesk/domain';
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
import type { App, AppContext } from '../http/context';
import { activeProfiles, loadCalendar } from './repo';
import { commandContext } from '../platform/commands';
import { declareYear, overrideDay, removeOverride } from './calendar-service';

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
      const { day } = req.params;
      await overrideDay(commandContext(db, req), day, req.body);
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
      const removed = await removeOverride(commandContext(db, req), req.params.day);
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
      await declareYear(commandContext(db, req), req.params.year);
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
