// The metering policy's API schemas (TypeBox), shared by the server routes and the web console: every
// threshold the line-loss run, the reading flags, the schedule, the watch list, the large-customer
// list and the theft screening use, as versioned data (R-MTR-01, R-MTR-02, R-MTR-04..06). Fractions
// are fractions (0.1 = 10 %). The ranges are checked on the server, which names the bad field.
import { type Static, Type } from '@sinclair/typebox';
import { DateTime, Nullable } from '../api';
import { keyedBy } from './keyed';
import { LOSS_LEVELS } from './line-loss';
import { THEFT_SIGNALS } from './theft';

export const MeteringPolicy = Type.Object({
  lineLoss: Type.Object({
    /** below this share of the meters under a point having a reading, its loss is not computable */
    minCoverage: Type.Number(),
    /** the target loss rate per level; above it a point is high-loss */
    target: keyedBy(LOSS_LEVELS, Type.Number()),
  }),
  readingFlags: Type.Object({
    /** a consumption above this multiple of the meter's median monthly consumption is implausible … */
    jumpFactor: Type.Number(),
    /** … and above this many kWh */
    jumpMinKwh: Type.Number(),
    /** months of history the median is taken over */
    historyMonths: Type.Integer(),
  }),
  /** an area not qualified for this many consecutive months goes on the watch list */
  watch: Type.Object({ minStreak: Type.Integer() }),
  /** a reading more than this many days from its segment's day is off schedule */
  schedule: Type.Object({ toleranceDays: Type.Integer() }),
  /** HV customers, or at least this many kWh in the month; a change beyond `swing` is a large swing */
  largeCustomers: Type.Object({ minMonthlyKwh: Type.Number(), swing: Type.Number() }),
  theft: Type.Object({
    weights: keyedBy(THEFT_SIGNALS, Type.Number()),
    /** months of history a screening run looks at */
    windowMonths: Type.Integer(),
    /** suspects below this score are not listed */
    minScore: Type.Number(),
  }),
});
export type MeteringPolicy = Static<typeof MeteringPolicy>;

/** The version in force (also the answer of a publish). */
export const MeteringPolicyActive = Type.Object({ version: Type.Integer({ minimum: 1 }), policy: MeteringPolicy });
export type MeteringPolicyActive = Static<typeof MeteringPolicyActive>;

/** A published version; drafts are not listed. */
export const MeteringPolicyVersion = Type.Object({
  version: Type.Integer({ minimum: 1 }),
  active: Type.Boolean(),
  note: Nullable(Type.String()),
  createdBy: Type.String(),
  createdAt: DateTime,
});
export type MeteringPolicyVersion = Static<typeof MeteringPolicyVersion>;

/** The version in force and every published version, newest first. */
export const MeteringPolicyView = Type.Composite([MeteringPolicyActive, Type.Object({ versions: Type.Array(MeteringPolicyVersion) })]);
export type MeteringPolicyView = Static<typeof MeteringPolicyView>;

/** A new version: the whole policy (checked on the server; keys it does not name are not stored). */
export const MeteringPolicyBody = Type.Object(
  {
    definition: Type.Unknown({ description: 'the whole metering policy; its ranges are checked and a bad field named' }),
    note: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
);
export type MeteringPolicyBody = Static<typeof MeteringPolicyBody>;
