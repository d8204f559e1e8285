// GET /api/notifications: the outbox as station heads and administrators see it (R-OUT-02).
import { Type } from '@sinclair/typebox';
import { actorOf, type App, type AppContext } from '../http/context';
import { listNotifications } from './queries';

const Status = Type.Union([Type.Literal('pending'), Type.Literal('sending'), Type.Literal('sent'), Type.Literal('failed'), Type.Literal('cancelled')]);

export function notifyRoutes(app: App, ctx: AppContext): void {
  const db = ctx.database.db;
  app.get(
    '/api/notifications',
    {
      config: { permission: 'audit.read' },
      schema: {
        tags: ['notifications'],
        summary: 'Outbox of SMS, e-mail and log notices, newest first; recipients masked (R-OUT-02, R-SYS-03)',
        querystring: Type.Object({
          status: Type.Optional(Status),
          entity: Type.Optional(Type.String({ maxLength: 64 })),
          entityId: Type.Optional(Type.String({ maxLength: 64 })),
          limit: Type.Integer({ minimum: 1, maximum: 500, default: 50 }),
          offset: Type.Integer({ minimum: 0, default: 0 }),
        }),
      },
    },
    async (req) => {
      const actor = actorOf(req);
      // Until notifications get a permission of their own, those who may read the audit trail may read this.
      return listNotifications(db, { stationIds: actor.stationIds, seesSystemWide: actor.roles.includes('admin') }, req.query);
    },
  );
}
