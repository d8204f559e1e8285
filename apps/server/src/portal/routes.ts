// The public window (R-PUB-02, R-CASE-08): submit a case without signing in, track it by query
// code, read the published commitments. No personal data ever leaves through these routes.
import { perMinute } from '../policy/rate-limits';
import { Type } from '@sinclair/typebox';
import { PORTAL_CASE_TYPES, FAULT_CLASSES, CASE_TYPE_LABELS } from '@griddesk/shared';
import { errors } from '../errors';
import type { App, AppContext } from '../http/context';
import { activeProfile } from '../policy/repo';
import { ClockContext, loadCaseRows, loadEvents } from '../cases/repo';
import { publicView } from '../cases/present';
import { registerCase } from '../cases/service';
import { commandContext } from '../platform/commands';
import { isQueryCode } from '../cases/query-code';

const literals = <T extends string>(values: readonly T[]) => Type.Union(values.map((v) => Type.Literal(v)));

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
        headers: Type.Object({ 'idempotency-key': Type.Optional(Type.String({ minLength: 8, maxLength: 100 })) }),
        body: Type.Object(
          {
            type: literals(PORTAL_CASE_TYPES),
            faultClass: Type.Optional(literals(FAULT_CLASSES)),
            contactName: Type.String({ minLength: 1, maxLength: 100 }),
            contactPhone: Type.String({ pattern: '^\\+?[0-9][0-9 -]{3,18}[0-9]$' }),
            contactAddress: Type.Optional(Type.String({ maxLength: 200 })),
            accountNo: Type.Optional(Type.String({ maxLength: 32 })),
            description: Type.String({ minLength: 1, maxLength: 2000 }),
            stationCode: Type.Optional(Type.String({ maxLength: 32 })),
          },
          { additionalProperties: false },
        ),
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
        params: Type.Object({ queryCode: Type.String({ maxLength: 32 }) }),
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
      schema: { tags: ['portal'], summary: 'Public: the station’s published service commitments, from the active profile (R-PUB-01)', security: [] },
    },
    async () => {
      const p = await activeProfile(db);
      return {
        profile: { id: p.id, version: p.version, name: p.name, authority: p.authority },
        rules: p.rules.map((r) => ({
          key: r.key,
          label: r.label,
          starts: r.starts,
          clock: r.clock,
          ...(r.clock === 'calendar_days' || r.clock === 'working_days' ? { days: r.days } : {}),
          ...(r.clock === 'minutes'
            ? { minutes: r.minutes, nightMinutes: r.nightMinutes ?? null, extraOutsideUrbanMinutes: r.extraOutsideUrbanMinutes ?? 0 }
            : {}),
          ...(r.clock === 'lead_minutes' ? { minutes: r.minutes } : {}),
        })),
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
