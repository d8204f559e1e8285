// The public window (R-PUB-02, R-CASE-08): submit a case without signing in, track it by query
// code, read the published commitments. No personal data ever leaves through these routes.
import { perMinute } from '../policy/rate-limits';
import { CASE_TYPE_LABELS, PortalCaseHeaders, PortalCaseInput, PublicCase, PublicCommitments, type PublicRule, QueryCodeParams } from '@griddesk/shared';
import { errors } from '../errors';
import type { App, AppContext } from '../http/context';
import { activeProfile } from '../policy/repo';
import { ClockContext, loadCaseRows, loadEvents } from '../cases/repo';
import { publicView } from '../cases/present';
import { registerCase } from '../cases/service';
import { commandContext } from '../platform/commands';
import { isQueryCode } from '../cases/query-code';

export function portalRoutes(app: App, ctx: AppContext): void {
  const db = ctx.database.db;

  app.post(
    '/api/portal/cases',
    {
      config: {
        permission: 'public',
        rateLimit: { max: perMinute(db, 'portalSubmitPerMinute'), timeWindow: '1 minute' },
      },
      schema: {
        tags: ['portal'],
        summary: 'Public: submit a complaint, repair call, suggestion or billing query; an Idempotency-Key header makes a double submit create one case',
        security: [],
        headers: PortalCaseHeaders,
        body: PortalCaseInput,
        response: { 201: PublicCase, 200: PublicCase },
      },
    },
    async (req, reply) => {
      const b = req.body;
      let q = db.selectFrom('org_units').select('id').where('kind', '=', 'station');
      if (b.stationCode) q = q.where('code', '=', b.stationCode);
      const station = await q.orderBy('id').executeTakeFirst();
      if (!station) throw errors.notFound({ zh: '供电所', en: 'Station' });
      // A repair call from the portal without a class is treated as the most common one, a service-drop fault.
      const faultClass = b.type === 'fault_repair' ? (b.faultClass ?? 'lv_drop') : undefined;
      const key = req.headers['idempotency-key'];
      const result = await registerCase(commandContext(db, req), {
        channel: 'portal',
        type: b.type,
        faultClass,
        contactName: b.contactName,
        contactPhone: b.contactPhone,
        contactAddress: b.contactAddress,
        accountNo: b.accountNo,
        description: b.description,
        stationId: station.id,
        idempotencyKey: key ? `portal:${key}` : undefined,
      });
      if (result.state) {
        const s = result.state;
        return reply.status(201).send(publicView(s.row, s.events, s.profile, s.clocks));
      }
      // a repeated submit: the case as it stands
      const [row] = await loadCaseRows(db, { ids: [result.id] });
      const events = (await loadEvents(db, [result.id])).get(result.id) ?? [];
      const { profile, clocks } = await new ClockContext(db, req.now).clocks(row!, events);
      return reply.status(200).send(publicView(row!, events, profile, clocks));
    },
  );

  app.get(
    '/api/portal/cases/:queryCode',
    {
      config: {
        permission: 'public',
        rateLimit: { max: perMinute(db, 'portalTrackPerMinute'), timeWindow: '1 minute' },
      },
      schema: {
        tags: ['portal'],
        summary: 'Public: track a case by its query code (no personal data)',
        security: [],
        params: QueryCodeParams,
        response: { 200: PublicCase },
      },
    },
    async (req) => {
      const code = req.params.queryCode.trim().toUpperCase();
      const notFound = errors.notFound({ zh: '查询码对应的工单', en: 'Case for this query code' });
      if (!isQueryCode(code)) throw notFound;
      const [row] = await loadCaseRows(db, { queryCode: code });
      if (!row) throw notFound;
      const events = (await loadEvents(db, [row.id])).get(row.id) ?? [];
      const { profile, clocks } = await new ClockContext(db, req.now).clocks(row, events);
      return publicView(row, events, profile, clocks);
    },
  );

  app.get(
    '/api/portal/commitments',
    {
      config: { permission: 'public' },
      schema: {
        tags: ['portal'],
        summary: 'Public: the station’s published service commitments (items), from the active profile, and the case types they apply to (R-PUB-01)',
        security: [],
        response: { 200: PublicCommitments },
      },
    },
    async (): Promise<PublicCommitments> => {
      const p = await activeProfile(db);
      const items = p.rules.map(
        (r): PublicRule => ({
          key: r.key,
          label: r.label,
          starts: r.starts,
          clock: r.clock,
          ...(r.clock === 'calendar_days' || r.clock === 'working_days' ? { days: r.days } : {}),
          ...(r.clock === 'minutes'
            ? { minutes: r.minutes, nightMinutes: r.nightMinutes ?? null, extraOutsideUrbanMinutes: r.extraOutsideUrbanMinutes ?? 0 }
            : {}),
          ...(r.clock === 'lead_minutes' ? { minutes: r.minutes } : {}),
        }),
      );
      return {
        profile: { id: p.id, version: p.version, name: p.name, authority: p.authority },
        items,
        total: items.length,
        caseTypes: p.caseClocks.map((c) => ({
          type: c.type,
          typeLabel: CASE_TYPE_LABELS[c.type],
          faultClass: c.faultClass ?? null,
          rules: c.clocks.map((k) => k.rule),
        })),
      };
    },
  );
}
