// Browse and filter the audit trail (R-SYS-02); readers are scoped to their own subtree's actors.
import { sql } from 'kysely';
import { AuditPage, AuditQuery } from '@griddesk/shared';
import { actorOf, type App, type AppContext } from '../http/context';

export function auditRoutes(app: App, ctx: AppContext): void {
  const db = ctx.database.db;
  app.get(
    '/api/audit',
    {
      config: { permission: 'audit.read' },
      schema: {
        tags: ['audit'],
        summary: 'Audit trail, newest first',
        querystring: AuditQuery,
        response: { 200: AuditPage },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      const f = req.query;
      let q = db.selectFrom('audit_log');
      // System entries (no org unit) are visible to administrators only.
      q = actor.roles.includes('admin')
        ? q.where((eb) => eb.or([eb('org_unit_id', 'in', actor.unitIds), eb('org_unit_id', 'is', null)]))
        : q.where('org_unit_id', 'in', actor.unitIds);
      if (f.entity) q = q.where('entity', '=', f.entity);
      if (f.entityId) q = q.where('entity_id', '=', f.entityId);
      if (f.action) q = q.where('action', '=', f.action);
      if (f.actorName) q = q.where('actor_name', '=', f.actorName);
      if (f.from) q = q.where('at', '>=', new Date(f.from));
      if (f.to) q = q.where('at', '<', new Date(f.to));
      const [items, total] = await Promise.all([
        q.selectAll().orderBy('id', 'desc').limit(f.limit).offset(f.offset).execute(),
        q.select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow(),
      ]);
      return {
        items: items.map((r) => ({
          id: r.id,
          at: r.at.toISOString(),
          actorName: r.actor_name,
          entity: r.entity,
          entityId: r.entity_id,
          action: r.action,
          before: r.before,
          after: r.after,
        })),
        total: total.n,
      };
    },
  );
}
