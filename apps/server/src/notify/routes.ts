// GET /api/notifications: the outbox as station heads and administrators see it (R-OUT-02).
import { NotificationPage, NotificationQuery } from '@griddesk/shared';
import { actorOf, type App, type AppContext } from '../http/context';
import { listNotifications } from './queries';

export function notifyRoutes(app: App, ctx: AppContext): void {
  const db = ctx.database.db;
  app.get(
    '/api/notifications',
    {
      config: { permission: 'audit.read' },
      schema: {
        tags: ['notifications'],
        summary: 'Outbox of SMS, e-mail and log notices, newest first; recipients masked (R-OUT-02, R-SYS-03)',
        querystring: NotificationQuery,
        response: { 200: NotificationPage },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      // Until notifications get a permission of their own, those who may read the audit trail may read this.
      return listNotifications(db, { stationIds: actor.stationIds, seesSystemWide: actor.roles.includes('admin') }, req.query);
    },
  );
}
