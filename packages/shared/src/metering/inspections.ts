// The anti-theft inspections API's request and answer schemas (R-MTR-07), shared by the server routes
// and the web console: campaigns, findings priced by the supply rules, and summaries. Money is
// integer fen; kWh are exact decimals as text.
import { type Static, type TOptional, Type } from '@sinclair/typebox';
import { Count, Decimal, IsoDay, Nullable, pageOf, pagingFields, RowId, StringEnum } from '../api';

export const CAMPAIGN_KINDS = ['night_patrol', 'meter_box_opening', 'special_check', 'routine_check'] as const;
export type CampaignKind = (typeof CAMPAIGN_KINDS)[number];

/** The violations of the supply rules (第100条); each one's money rule is in the domain's supply rules. */
export const VIOLATION_TYPES = [
  'change_category',
  'excess_capacity',
  'use_suspended_equipment',
  'exceed_quota',
  'tamper_utility_equipment',
  'unauthorised_source',
] as const;
export type ViolationType = (typeof VIOLATION_TYPES)[number];

export const FINDING_KINDS = ['theft', 'violation'] as const;
export type FindingKind = (typeof FINDING_KINDS)[number];

/** kWh as typed: at most 12 digits and 4 decimals. */
const KwhInput = Type.String({ pattern: '^[0-9]{1,12}(\\.[0-9]{1,4})?$' });

export const CampaignInput = Type.Object(
  {
    kind: StringEnum(CAMPAIGN_KINDS),
    /** required when the actor works for several stations */
    stationId: Type.Optional(RowId),
    startedOn: IsoDay,
    endedOn: Type.Optional(Nullable(IsoDay)),
    boxesOpened: Type.Integer({ minimum: 0, maximum: 1_000_000 }),
    note: Type.Optional(Type.String({ maxLength: 2000 })),
  },
  { additionalProperties: false },
);
export type CampaignInput = Static<typeof CampaignInput>;

/** A campaign as registered (201). */
export const Campaign = Type.Object({
  id: Type.Integer(),
  kind: StringEnum(CAMPAIGN_KINDS),
  stationId: Type.Integer(),
  startedOn: IsoDay,
  endedOn: Nullable(IsoDay),
  boxesOpened: Count,
  note: Nullable(Type.String()),
});
export type Campaign = Static<typeof Campaign>;

/** A campaign in the list, with its findings and the money they recover. */
export const CampaignRow = Type.Object({
  ...Campaign.properties,
  findings: Count,
  /** back-paid charges plus penalties */
  recoveredFen: Type.Integer(),
});
export type CampaignRow = Static<typeof CampaignRow>;

export const CampaignPage = pageOf(CampaignRow);
export type CampaignPage = Static<typeof CampaignPage>;

export const CampaignListQuery = Type.Object({
  from: Type.Optional(IsoDay),
  to: Type.Optional(IsoDay),
  kind: Type.Optional(StringEnum(CAMPAIGN_KINDS)),
  ...pagingFields(50),
});
export type CampaignListQuery = Static<typeof CampaignListQuery>;

export const FindingBody = Type.Object(
  {
    kind: StringEnum(FINDING_KINDS),
    /** the customer's account number, when the finding is on a known customer */
    accountNo: Type.Optional(Type.String({ maxLength: 32 })),
    violationType: Type.Optional(StringEnum(VIOLATION_TYPES)),
    energyKwh: Type.Optional(KwhInput),
    /** yuan per kWh: theft — the price applied (default: the customer's tariff base price); category change — the price difference */
    priceYuan: Type.Optional(Type.String({ pattern: '^[0-9]{1,6}(\\.[0-9]{1,4})?$' })),
    penaltyMultiple: Type.Optional(Type.Number({ minimum: 0, maximum: 10 })),
    capacityKw: Type.Optional(Type.Number({ minimum: 0, maximum: 100000 })),
    times: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })),
    residential: Type.Optional(Type.Boolean()),
    note: Type.Optional(Type.String({ maxLength: 2000 })),
  },
  { additionalProperties: false },
);
export type FindingBody = Static<typeof FindingBody>;

/** A finding as recorded (201), with the money the supply rules give it. */
export const FindingView = Type.Object({
  id: Type.Integer(),
  campaignId: Type.Integer(),
  accountNo: Nullable(Type.String()),
  kind: StringEnum(FINDING_KINDS),
  violationType: Nullable(StringEnum(VIOLATION_TYPES)),
  energyKwh: Decimal,
  /** back-paid charges */
  unpaidFen: Type.Integer(),
  penaltyFen: Type.Integer(),
});
export type FindingView = Static<typeof FindingView>;

export const FindingTotals = Type.Object({
  /** findings on the same customer count once; a finding without a customer is a household of its own */
  households: Count,
  findings: Count,
  energyKwh: Decimal,
  unpaidFen: Type.Integer(),
  penaltyFen: Type.Integer(),
  /** back-paid charges plus penalties */
  recoveredFen: Type.Integer(),
});
export type FindingTotals = Static<typeof FindingTotals>;

/** Keyed by violation type: the types with findings only. */
const FindingTotalsByType = Type.Object(
  Object.fromEntries(VIOLATION_TYPES.map((v) => [v, Type.Optional(FindingTotals)])) as Record<ViolationType, TOptional<typeof FindingTotals>>,
);

export const InspectionSummaryQuery = Type.Object({ from: Type.Optional(IsoDay), to: Type.Optional(IsoDay), stationId: Type.Optional(RowId) });
export type InspectionSummaryQuery = Static<typeof InspectionSummaryQuery>;

/** The figures of one campaign, or of the campaigns started in a range (boxes opened summed). */
export const InspectionSummary = Type.Object({
  campaigns: Count,
  boxesOpened: Count,
  theft: FindingTotals,
  violations: Type.Object({
    ...FindingTotals.properties,
    byType: FindingTotalsByType,
  }),
  energyKwh: Decimal,
  /** 共计挽回经济损失: the recovered money of theft and violations */
  totalRecoveredFen: Type.Integer(),
});
export type InspectionSummary = Static<typeof InspectionSummary>;
