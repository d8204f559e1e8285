// Commitment profiles (R-CMT-01), the working-day calendar and the deadline calculator (R-CMT-02)
// as the policy pages read them.
import { type Static, Type } from '@sinclair/typebox';
import { Count, IsoDay, Nullable } from './api';
import { Bilingual } from './documents';

export const ProfileStatus = Type.Union([Type.Literal('draft'), Type.Literal('active'), Type.Literal('retired')]);
export type ProfileStatus = Static<typeof ProfileStatus>;

export const ProfileSummary = Type.Object({
  id: Type.String(),
  version: Type.Integer(),
  /** active: in force for new cases; retired: published, not in force */
  status: ProfileStatus,
  name: Bilingual,
  authority: Type.String(),
  basedOn: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String({ format: 'date-time' }),
  activatedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  ruleCount: Type.Integer(),
});
export type ProfileSummary = Static<typeof ProfileSummary>;

export const ProfileDetail = Type.Composite([
  ProfileSummary,
  Type.Object({ definition: Type.Unknown({ description: 'the profile: rules, case clocks, escalation' }) }),
]);
export type ProfileDetail = Static<typeof ProfileDetail>;

export const ProfileRef = Type.Object({ id: Type.String(), version: Type.Integer() });
export type ProfileRef = Static<typeof ProfileRef>;

// ---- the working-day calendar (R-CMT-02) --------------------------------------------------------

/** A special day of the calendar: a holiday (off) or a make-up workday, from the bundled notice or an override. */
export const CalendarDay = Type.Object({
  day: IsoDay,
  off: Type.Boolean(),
  name: Nullable(Type.String()),
  source: Type.Union([Type.Literal('bundled'), Type.Literal('override')]),
});
export type CalendarDay = Static<typeof CalendarDay>;

/** The special days of a year, and whether the year's official holiday notice has been entered. */
export const CalendarYear = Type.Object({
  year: Type.Integer(),
  hasOfficialData: Type.Boolean(),
  /** set while the year has no official data: working days are then Monday to Friday */
  warning: Nullable(Bilingual),
  items: Type.Array(CalendarDay),
  total: Count,
});
export type CalendarYear = Static<typeof CalendarYear>;

const Year = Type.Integer({ minimum: 2000, maximum: 2100 });
export const CalendarQuery = Type.Object({ year: Year });
export const CalendarYearParams = Type.Object({ year: Year });
export const CalendarDayParams = Type.Object({ day: Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' }) });

/** Overrides one date: a day off, or a working day. */
export const CalendarOverrideInput = Type.Object({ off: Type.Boolean(), name: Type.Optional(Type.String({ maxLength: 50 })) });
export type CalendarOverrideInput = Static<typeof CalendarOverrideInput>;

/** The date as it now counts. */
export const CalendarOverrideResult = Type.Object({ day: IsoDay, off: Type.Boolean(), workday: Type.Boolean() });
export type CalendarOverrideResult = Static<typeof CalendarOverrideResult>;

/** An override removed: whether there was one, and what the day is now. */
export const CalendarOverrideRemoved = Type.Object({ day: IsoDay, removed: Type.Boolean(), workday: Type.Boolean() });
export type CalendarOverrideRemoved = Static<typeof CalendarOverrideRemoved>;

export const CalendarYearDeclared = Type.Object({ year: Type.Integer(), hasOfficialData: Type.Literal(true) });
export type CalendarYearDeclared = Static<typeof CalendarYearDeclared>;

// ---- the deadline calculator --------------------------------------------------------------------

const ServiceAreaParam = Type.Union([Type.Literal('urban'), Type.Literal('rural'), Type.Literal('remote')]);

export const DeadlineQuery = Type.Object({
  profile: Type.String({ maxLength: 40 }),
  rule: Type.String({ maxLength: 80 }),
  /** an ISO-8601 instant */
  from: Type.String({ maxLength: 40 }),
  area: Type.Optional(ServiceAreaParam),
});
export type DeadlineQuery = Static<typeof DeadlineQuery>;

/** The due instant in Shanghai time (2025-10-12T00:00:00+08:00), and the profile version and rule it comes from. */
export const DeadlineAnswer = Type.Object({ dueAt: Type.String(), profile: ProfileRef, rule: Type.String() });
export type DeadlineAnswer = Static<typeof DeadlineAnswer>;
