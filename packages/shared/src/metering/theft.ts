// The theft-screening API's request and answer schemas (TypeBox), shared by the server routes and the
// web console (R-MTR-06): a run is a job over the stations in scope; the latest run's suspects are
// ranked and each carries the signals that put it there, explained in both languages.
import { type Static, Type } from '@sinclair/typebox';
import { Count, DateTime, IsoDay, Nullable, StringEnum } from '../api';
import { Bilingual } from '../documents';
import { MeteringMonth } from './readings';

/** The screening's explainable signals; the policy weighs each. */
export const THEFT_SIGNALS = [
  'own_drop',
  'peer_drop',
  'zero_windows',
  'flat',
  'capped',
  'pattern_loss',
  'reversed_reading',
  'meter_events',
  'area_loss_rise',
] as const;
export type TheftSignalName = (typeof THEFT_SIGNALS)[number];

/** What a run screened: the daily series, or (older runs) monthly readings. */
export const SCREENING_SOURCES = ['daily', 'monthly'] as const;
export type ScreeningSource = (typeof SCREENING_SOURCES)[number];

/** The days screened. */
const ScreeningWindow = Type.Object({ from: IsoDay, to: IsoDay });

export const TheftRunBody = Type.Object(
  {
    /** the window ends with this month; default: the last day with daily consumption */
    period: Type.Optional(MeteringMonth),
  },
  { additionalProperties: false },
);
export type TheftRunBody = Static<typeof TheftRunBody>;

/** The screening job's result (GET /api/jobs/{id} of a `metering.theft` job). */
export const TheftRunResult = Type.Object({
  runId: Type.Integer(),
  runAt: DateTime,
  source: StringEnum(SCREENING_SOURCES),
  window: ScreeningWindow,
  scored: Count,
  /** customers with too few observed days to judge */
  insufficient: Count,
  suspects: Count,
});
export type TheftRunResult = Static<typeof TheftRunResult>;

export const SuspectsQuery = Type.Object({ limit: Type.Integer({ minimum: 1, maximum: 1000, default: 100 }) });
export type SuspectsQuery = Static<typeof SuspectsQuery>;

export const SuspectSignal = Type.Object({
  name: StringEnum(THEFT_SIGNALS),
  /** 0..1 */
  strength: Type.Number(),
  /** weight × strength: this signal's share of the score */
  contribution: Type.Number(),
  detail: Bilingual,
});
export type SuspectSignal = Static<typeof SuspectSignal>;

export const Suspect = Type.Object({
  rank: Type.Integer({ minimum: 1 }),
  accountNo: Type.String(),
  customerName: Type.String(),
  areaCode: Nullable(Type.String()),
  /** 0..1, higher is more suspicious */
  score: Type.Number(),
  /** the signals that fired, strongest contribution first */
  signals: Type.Array(SuspectSignal),
});
export type Suspect = Static<typeof Suspect>;

/** The latest run over any of the caller's stations (every run field null before the first run), its first suspects in those stations. */
export const SuspectList = Type.Object({
  runId: Nullable(Type.Integer()),
  runAt: Nullable(DateTime),
  source: Nullable(StringEnum(SCREENING_SOURCES)),
  window: Nullable(ScreeningWindow),
  items: Type.Array(Suspect),
  /** the run's suspects in the caller's stations, of which `items` are the first `limit` */
  total: Count,
});
export type SuspectList = Static<typeof SuspectList>;
