// R-MTR-07: anti-theft inspection campaigns and their findings. The money of a finding is
// computed by the domain rules (theft: charges + 3× by default; violations: per type) and stored
// with it; the summary sums the stored findings. Writes are audited in the same transaction.
import { sql, type Kysely } from 'kysely';
import { findingMoney, summariseCampaign, DEFAULT_VIOLATION_RULES, type FindingInput, type ViolationType } from '@griddesk/domain/metering/inspection';
import { parsePrice } from '@griddesk/domain/metering/tariff';
import type { DB } from '../../db/schema';
import type { Campaign, CampaignInput, CampaignKind, CampaignPage, FindingBody, FindingView, InspectionSummary } from '@griddesk/shared';
import { writeAudit, type AuditActor } from '../../audit/write';
import { errors } from '../../errors';
import { activeTariffs } from '../billing/bills';
import { inForce } from '../../platform/documents/service';
import { SUPPLY_RULES } from '../kinds';

const scope = (ids: number[]) => (ids.length ? ids : [-1]);

export async function createCampaign(db: Kysely<DB>, actor: AuditActor, stationIds: number[], input: CampaignInput): Promise<Campaign> {
  const stationId = input.stationId ?? (stationIds.length === 1 ? stationIds[0] : undefined);
  if (stationId === undefined)
    throw errors.validation([{ field: 'stationId', reason: 'is required when you work for several stations', reasonZh: '您管辖多个供电所，须指定供电所' }]);
  if (!stationIds.includes(stationId)) throw errors.notFound({ zh: '供电所', en: 'Station' });
  if (input.endedOn && input.endedOn < input.startedOn)
    throw errors.validation([{ field: 'endedOn', reason: 'must not be before startedOn', reasonZh: '不得早于开始日期' }]);
  return db.transaction().execute(async (tx) => {
    const row = await tx
      .insertInto('inspection_campaigns')
      .values({
        kind: input.kind,
        station_id: stationId,
        started_on: input.startedOn,
        ended_on: input.endedOn ?? null,
        boxes_opened: input.boxesOpened,
        note: input.note ?? null,
        created_by: actor.id,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await writeAudit(tx, actor, { entity: 'inspection_campaign', entityId: row.id, action: 'create', after: input });
    return presentCampaign(row);
  });
}

function presentCampaign(r: {
  id: number;
  kind: CampaignKind;
  station_id: number;
  started_on: string;
  ended_on: string | null;
  boxes_opened: number;
  note: string | null;
}): Campaign {
  return { id: r.id, kind: r.kind, stationId: r.station_id, startedOn: r.started_on, endedOn: r.ended_on, boxesOpened: r.boxes_opened, note: r.note };
}

async function campaignInScope(db: Kysely<DB>, stationIds: number[], id: number) {
  const c = await db.selectFrom('inspection_campaigns').selectAll().where('id', '=', id).where('station_id', 'in', scope(stationIds)).executeTakeFirst();
  if (!c) throw errors.notFound({ zh: '检查活动', en: 'Inspection campaign' });
  return c;
}

export async function addFinding(db: Kysely<DB>, actor: AuditActor, stationIds: number[], campaignId: number, b: FindingBody): Promise<FindingView> {
  const campaign = await campaignInScope(db, stationIds, campaignId);
  let customer: { id: number; tariff_code: string; customer_class: string } | undefined;
  if (b.accountNo) {
    customer = await db
      .selectFrom('customers')
      .select(['id', 'tariff_code', 'customer_class'])
      .where('account_no', '=', b.accountNo)
      .where('station_id', '=', campaign.station_id)
      .executeTakeFirst();
    if (!customer) throw errors.validation([{ field: 'accountNo', reason: 'is not a customer of this station', reasonZh: '不是本所客户' }]);
  }
  let price: number | undefined;
  if (b.priceYuan !== undefined) {
    try {
      price = parsePrice(b.priceYuan);
    } catch {
      price = -1;
    }
    if (price < 0)
      throw errors.validation([
        { field: 'priceYuan', reason: 'must be a non-negative price in yuan with at most 4 decimals', reasonZh: '须为非负金额（元，最多 4 位小数）' },
      ]);
  }
  let input: FindingInput;
  if (b.kind === 'theft') {
    if (b.violationType) throw errors.validation([{ field: 'violationType', reason: 'is only for violations', reasonZh: '仅用于违约用电' }]);
    if (b.energyKwh === undefined) throw errors.validation([{ field: 'energyKwh', reason: 'is required', reasonZh: '必填' }]);
    if (price === undefined && customer) price = (await activeTariffs(db)).get(customer.tariff_code)?.basePrice;
    if (price === undefined)
      throw errors.validation([{ field: 'priceYuan', reason: 'is required when no customer tariff applies', reasonZh: '未关联客户电价时必填' }]);
    input = { kind: 'theft', household: customer?.id ?? null, energyKwh: b.energyKwh, price, penaltyMultiple: b.penaltyMultiple };
  } else {
    if (!b.violationType || !DEFAULT_VIOLATION_RULES[b.violationType])
      throw errors.validation([{ field: 'violationType', reason: 'is required for a violation', reasonZh: '违约用电须注明类型' }]);
    input = {
      kind: 'violation',
      household: customer?.id ?? null,
      violationType: b.violationType,
      energyKwh: b.energyKwh ?? '0',
      price: price ?? 0,
      capacityKw: b.capacityKw,
      times: b.times,
      residential: b.residential ?? (customer ? customer.customer_class === 'residential' : undefined),
    };
  }
  const rules = (await inForce(db, SUPPLY_RULES)).definition;
  let money: ReturnType<typeof findingMoney>;
  try {
    money = findingMoney(input, rules);
  } catch (e) {
    throw errors.validation([{ field: 'energyKwh', reason: (e as Error).message, reasonZh: '数值无效' }]);
  }
  return db.transaction().execute(async (tx) => {
    const row = await tx
      .insertInto('inspection_findings')
      .values({
        campaign_id: campaign.id,
        customer_id: customer?.id ?? null,
        kind: b.kind,
        violation_type: b.kind === 'violation' ? b.violationType! : null,
        energy_kwh: money.energyKwh,
        unpaid_fen: money.unpaidFen,
        penalty_fen: money.penaltyFen,
        detail: JSON.stringify({ price: price ?? null, penaltyMultiple: b.penaltyMultiple ?? null, capacityKw: b.capacityKw ?? null, times: b.times ?? null }),
        note: b.note ?? null,
        created_by: actor.id,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const view: FindingView = {
      id: row.id,
      campaignId: campaign.id,
      accountNo: b.accountNo ?? null,
      kind: b.kind,
      violationType: b.kind === 'violation' ? b.violationType! : null,
      ...money,
    };
    await writeAudit(tx, actor, { entity: 'inspection_finding', entityId: row.id, action: 'create', after: { ...view, note: b.note ?? null } });
    return view;
  });
}

/** The summary of one campaign, or of all campaigns matching a filter (boxes opened summed). */
export async function summarise(
  db: Kysely<DB>,
  stationIds: number[],
  filter: { campaignId?: number; from?: string; to?: string; stationId?: number },
): Promise<InspectionSummary> {
  if (filter.campaignId !== undefined) await campaignInScope(db, stationIds, filter.campaignId);
  let cq = db.selectFrom('inspection_campaigns').select(['id', 'boxes_opened']).where('station_id', 'in', scope(stationIds));
  if (filter.campaignId !== undefined) cq = cq.where('id', '=', filter.campaignId);
  if (filter.stationId !== undefined) cq = cq.where('station_id', '=', filter.stationId);
  if (filter.from) cq = cq.where('started_on', '>=', filter.from);
  if (filter.to) cq = cq.where('started_on', '<=', filter.to);
  const campaigns = await cq.execute();
  const ids = campaigns.map((c) => c.id);
  const findings = ids.length
    ? await db
        .selectFrom('inspection_findings')
        .select(['id', 'kind', 'violation_type', 'customer_id', sql<string>`energy_kwh::text`.as('energy_kwh'), 'unpaid_fen', 'penalty_fen'])
        .where('campaign_id', 'in', ids)
        .execute()
    : [];
  const s = summariseCampaign(
    campaigns.reduce((n, c) => n + c.boxes_opened, 0),
    findings.map((f) => ({
      kind: f.kind,
      violationType: f.violation_type as ViolationType | null,
      // a finding without a customer is its own household
      household: f.customer_id ?? `finding:${f.id}`,
      energyKwh: f.energy_kwh,
      unpaidFen: f.unpaid_fen,
      penaltyFen: f.penalty_fen,
    })),
  );
  return { campaigns: campaigns.length, ...s };
}

export async function listCampaigns(
  db: Kysely<DB>,
  stationIds: number[],
  filter: { from?: string; to?: string; kind?: CampaignKind },
  limit = 50,
  offset = 0,
): Promise<CampaignPage> {
  let matching = db.selectFrom('inspection_campaigns as c').where('c.station_id', 'in', scope(stationIds));
  if (filter.from) matching = matching.where('c.started_on', '>=', filter.from);
  if (filter.to) matching = matching.where('c.started_on', '<=', filter.to);
  if (filter.kind) matching = matching.where('c.kind', '=', filter.kind);
  const { total } = await matching.select(sql<number>`count(*)`.as('total')).executeTakeFirstOrThrow();
  const rows = await matching
    .select([
      'c.id',
      'c.kind',
      'c.station_id',
      'c.started_on',
      'c.ended_on',
      'c.boxes_opened',
      'c.note',
      sql<number>`(select count(*) from inspection_findings f where f.campaign_id = c.id)`.as('findings'),
      sql<number>`(select coalesce(sum(f.unpaid_fen + f.penalty_fen), 0) from inspection_findings f where f.campaign_id = c.id)`.as('recovered_fen'),
    ])
    .orderBy('c.started_on', 'desc')
    .orderBy('c.id', 'desc')
    .limit(limit)
    .offset(offset)
    .execute();
  const items = rows.map((r) => ({ ...presentCampaign(r), findings: Number(r.findings), recoveredFen: Number(r.recovered_fen) }));
  return { items, total: Number(total) };
}
