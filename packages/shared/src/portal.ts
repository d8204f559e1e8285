// The public window (R-PUB-01, R-PUB-02, R-CASE-08, R-MTR-08): what anyone may send without
// signing in, and what they get back. No answer here carries a name, phone or address.
import { type Static, Type } from '@sinclair/typebox';
import { Count, DateTime, Decimal, Nullable } from './api';
import { CASE_STATUSES, CASE_TYPES, CaseDeadline, FAULT_CLASSES, PORTAL_CASE_TYPES } from './cases';
import { Bilingual } from './documents';

const literals = <T extends string>(values: readonly T[]) => Type.Union(values.map((v) => Type.Literal(v)));

// ---- submitting and tracking a case --------------------------------------------------------------

/** A case as a customer submits it on the portal. */
export const PortalCaseInput = Type.Object(
  {
    type: literals(PORTAL_CASE_TYPES),
    faultClass: Type.Optional(literals(FAULT_CLASSES)),
    contactName: Type.String({ minLength: 1, maxLength: 100 }),
    contactPhone: Type.String({ maxLength: 20, pattern: '^\\+?[0-9][0-9 -]{3,18}[0-9]$' }),
    contactAddress: Type.Optional(Type.String({ maxLength: 200 })),
    accountNo: Type.Optional(Type.String({ maxLength: 32 })),
    description: Type.String({ minLength: 1, maxLength: 2000 }),
    stationCode: Type.Optional(Type.String({ maxLength: 32 })),
  },
  { additionalProperties: false },
);
export type PortalCaseInput = Static<typeof PortalCaseInput>;

/** A double submit with the same key creates one case. */
export const PortalCaseHeaders = Type.Object({ 'idempotency-key': Type.Optional(Type.String({ minLength: 8, maxLength: 100 })) });

export const QueryCodeParams = Type.Object({ queryCode: Type.String({ maxLength: 32 }) });

/** One commitment clock of a case as the public sees it: the same as staff see it. */
export const PublicDeadline = CaseDeadline;
export type PublicDeadline = CaseDeadline;

export const PublicCaseStep = Type.Object({ action: Type.String(), label: Bilingual, at: DateTime, status: Type.String() });
export type PublicCaseStep = Static<typeof PublicCaseStep>;

/** What anyone holding the query code may see: no name, phone or address (R-CASE-08). */
export const PublicCase = Type.Object({
  queryCode: Type.String(),
  type: literals(CASE_TYPES),
  typeLabel: Bilingual,
  status: literals(CASE_STATUSES),
  statusLabel: Bilingual,
  receivedAt: DateTime,
  closedAt: Nullable(DateTime),
  steps: Type.Array(PublicCaseStep),
  deadlines: Type.Array(PublicDeadline),
});
export type PublicCase = Static<typeof PublicCase>;

// ---- the published commitments (R-PUB-01) --------------------------------------------------------

/** Minutes, the same everywhere or per service area (城区 / 农村 / 特殊边远). */
const PerArea = Type.Object({ urban: Type.Integer(), rural: Type.Integer(), remote: Type.Integer() });
const AreaMinutes = Type.Union([Type.Integer(), PerArea]);

/** One published commitment: its time limit in the fields its clock uses. */
export const PublicRule = Type.Object({
  key: Type.String(),
  label: Bilingual,
  /** what starts the clock, in words */
  starts: Bilingual,
  clock: Type.Union([Type.Literal('calendar_days'), Type.Literal('working_days'), Type.Literal('minutes'), Type.Literal('lead_minutes')]),
  /** calendar_days, working_days */
  days: Type.Optional(Type.Integer()),
  /** minutes, lead_minutes */
  minutes: Type.Optional(AreaMinutes),
  /** minutes: the limit at night, null when the same as by day */
  nightMinutes: Type.Optional(Type.Union([Type.Integer(), PerArea, Type.Null()])),
  /** minutes: added outside the urban area */
  extraOutsideUrbanMinutes: Type.Optional(Type.Integer()),
});
export type PublicRule = Static<typeof PublicRule>;

/** Which commitments a case type (and fault class) runs. */
export const PublicCaseTypeRules = Type.Object({
  type: literals(CASE_TYPES),
  typeLabel: Bilingual,
  faultClass: Nullable(literals(FAULT_CLASSES)),
  rules: Type.Array(Type.String()),
});
export type PublicCaseTypeRules = Static<typeof PublicCaseTypeRules>;

/** The commitments in force (`items`), from the active profile, and the case types they apply to. */
export const PublicCommitments = Type.Object({
  profile: Type.Object({ id: Type.String(), version: Type.Integer(), name: Bilingual, authority: Type.String() }),
  items: Type.Array(PublicRule),
  total: Count,
  caseTypes: Type.Array(PublicCaseTypeRules),
});
export type PublicCommitments = Static<typeof PublicCommitments>;

// ---- the bill query (R-MTR-08) -------------------------------------------------------------------

/** POST, so the phone digits never appear in URLs or access logs. */
export const BillQueryInput = Type.Object(
  {
    accountNo: Type.String({ minLength: 1, maxLength: 32 }),
    phoneLast4: Type.String({ pattern: '^[0-9]{4}$' }),
  },
  { additionalProperties: false },
);
export type BillQueryInput = Static<typeof BillQueryInput>;

/** The latest bill of the account (every bill field null before the first bill); no name, address or phone. */
export const BillQueryAnswer = Type.Object({
  accountNo: Type.String(),
  tariff: Type.Object({ code: Type.String(), name: Type.String() }),
  /** YYYY-MM */
  period: Nullable(Type.String()),
  lastReading: Nullable(Decimal),
  currentReading: Nullable(Decimal),
  kwh: Nullable(Decimal),
  amountFen: Nullable(Type.Integer()),
  tierPosition: Nullable(
    Type.Object({
      /** kWh over the calendar year including this bill */
      yearToDateKwh: Decimal,
      /** the tier the year-to-date total is in (1 for flat tariffs) */
      tier: Type.Integer(),
      /** upper bound of that tier, null in the last tier or for flat tariffs */
      nextThresholdKwh: Nullable(Type.Integer()),
    }),
  ),
});
export type BillQueryAnswer = Static<typeof BillQueryAnswer>;
