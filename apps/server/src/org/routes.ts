// Sign-in, the current user, the org tree and staff (R-ORG-01..03).
import { Type } from '@sinclair/typebox';
import { POST_LABELS, type Post, type Role } from '@griddesk/shared';
import { permissionsOf } from '@griddesk/domain';
import { rolePermissionTable } from './role-permissions';
import { sql } from 'kysely';
import { errors } from '../errors';
import { actorOf, type App, type AppContext } from '../http/context';
import { writeAudit } from '../audit/write';
import { verifyPassword } from './password';
import { SESSION_COOKIE, createSession, deleteSession } from './sessions';

const MeSchema = Type.Object({
  id: Type.Integer(),
  username: Type.String(),
  displayName: Type.String(),
  post: Type.String(),
  badgeNo: Type.Union([Type.String(), Type.Null()]),
  roles: Type.Array(Type.String()),
  permissions: Type.Array(Type.String()),
  orgUnit: Type.Object({ id: Type.Integer(), code: Type.String(), name: Type.String(), kind: Type.String() }),
});

export function orgRoutes(app: App, ctx: AppContext): void {
  const db = ctx.database.db;

  async function me(userId: number) {
    const u = await db
      .selectFrom('users')
      .innerJoin('org_units', 'org_units.id', 'users.org_unit_id')
      .select([
        'users.id',
        'username',
        'display_name',
        'post',
        'badge_no',
        'roles',
        'org_units.id as unit_id',
        'org_units.code as unit_code',
        'org_units.name as unit_name',
        'org_units.kind as unit_kind',
      ])
      .where('users.id', '=', userId)
      .executeTakeFirstOrThrow();
    return {
      id: u.id,
      username: u.username,
      displayName: u.display_name,
      post: u.post,
      badgeNo: u.badge_no,
      roles: u.roles,
      permissions: permissionsOf(u.roles as Role[], await rolePermissionTable(db)),
      orgUnit: { id: u.unit_id, code: u.unit_code, name: u.unit_name, kind: u.unit_kind },
    };
  }

  app.post(
    '/api/auth/login',
    {
      schema: {
        tags: ['auth'],
        summary: 'Sign in; sets an httpOnly session cookie',
        body: Type.Object({ username: Type.String({ minLength: 1, maxLength: 64 }), password: Type.String({ minLength: 1, maxLength: 256 }) }),
        response: { 200: Type.Object({ user: MeSchema }) },
      },
      config: {
        permission: 'public',
        rateLimit: { max: 10, timeWindow: '1 minute', keyGenerator: (req) => `${req.ip}|${(req.body as { username?: string } | undefined)?.username ?? ''}` },
      },
    },
    async (req, reply) => {
      const user = await db
        .selectFrom('users')
        .select(['id', 'password_hash', 'active', 'org_unit_id', 'username'])
        .where('username', '=', req.body.username)
        .executeTakeFirst();
      const ok = user?.active ? await verifyPassword(req.body.password, user.password_hash) : false;
      if (!user || !ok) throw errors.invalidCredentials();
      const session = await createSession(db, user.id, ctx.config.sessionTtlHours, { ip: req.ip, userAgent: req.headers['user-agent'] });
      await writeAudit(
        db,
        { id: user.id, name: user.username, orgUnitId: user.org_unit_id },
        { entity: 'session', entityId: user.id, action: 'login', after: { ip: req.ip } },
      );
      void reply.setCookie(SESSION_COOKIE, session.token, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: ctx.config.secureCookies,
        expires: session.expiresAt,
      });
      return { user: await me(user.id) };
    },
  );

  app.post(
    '/api/auth/logout',
    { config: { permission: 'public' }, schema: { tags: ['auth'], summary: 'Sign out', response: { 204: Type.Null() } } },
    async (req, reply) => {
      const token = req.cookies[SESSION_COOKIE];
      if (token) await deleteSession(db, token);
      void reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/me',
    { config: { permission: 'signed-in' }, schema: { tags: ['auth'], summary: 'The signed-in user', response: { 200: MeSchema } } },
    async (req) => me(actorOf(req).id),
  );

  app.get(
    '/api/org/units',
    {
      config: { permission: 'org.read' },
      schema: {
        tags: ['org'],
        summary: 'Org units the caller works with: their subtree, for a team member their station (county → station → team)',
        response: {
          200: Type.Array(
            Type.Object({
              id: Type.Integer(),
              code: Type.String(),
              name: Type.String(),
              kind: Type.String(),
              teamKind: Type.Union([Type.String(), Type.Null()]),
              parentId: Type.Union([Type.Integer(), Type.Null()]),
            }),
          ),
        },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      const rows = await db.selectFrom('org_units').selectAll().where('id', 'in', actor.workUnitIds).orderBy('path').execute();
      return rows.map((u) => ({ id: u.id, code: u.code, name: u.name, kind: u.kind, teamKind: u.team_kind, parentId: u.parent_id }));
    },
  );

  app.get(
    '/api/org/users',
    {
      config: { permission: 'org.read' },
      schema: {
        tags: ['org'],
        summary: 'Staff of the units the caller works with',
        querystring: Type.Object({
          orgUnitId: Type.Optional(Type.Integer()),
          limit: Type.Integer({ minimum: 1, maximum: 500, default: 100 }),
          offset: Type.Integer({ minimum: 0, default: 0 }),
        }),
      },
    },
    async (req) => {
      const actor = actorOf(req);
      // A selected unit stands for its whole subtree: a station's staff include its teams'.
      let unitIds = actor.workUnitIds;
      if (req.query.orgUnitId !== undefined) {
        const picked = await db
          .selectFrom('org_units')
          .select('path')
          .where('id', '=', req.query.orgUnitId)
          .where('id', 'in', actor.workUnitIds)
          .executeTakeFirst();
        unitIds = picked
          ? (await db.selectFrom('org_units').select('id').where('path', 'like', `${picked.path}%`).where('id', 'in', actor.workUnitIds).execute()).map(
              (u) => u.id,
            )
          : [];
      }
      if (unitIds.length === 0) return { items: [], total: 0 };
      const base = db.selectFrom('users').innerJoin('org_units', 'org_units.id', 'users.org_unit_id').where('users.org_unit_id', 'in', unitIds);
      const [items, total] = await Promise.all([
        base
          .select(['users.id', 'username', 'display_name', 'post', 'badge_no', 'roles', 'on_duty', 'active', 'org_units.name as unit_name'])
          .orderBy('users.id')
          .limit(req.query.limit)
          .offset(req.query.offset)
          .execute(),
        base.select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow(),
      ]);
      const table = await rolePermissionTable(db);
      return {
        items: items.map((u) => ({
          id: u.id,
          username: u.username,
          displayName: u.display_name,
          post: u.post,
          badgeNo: u.badge_no,
          roles: u.roles,
          permissions: permissionsOf(u.roles as Role[], table),
          orgUnitName: u.unit_name,
          onDuty: u.on_duty,
          active: u.active,
        })),
        total: total.n,
      };
    },
  );

  // R-ORG-03: the public portal lists on-duty staff with photo, name, post and badge number.
  app.get(
    '/api/portal/station',
    {
      config: { permission: 'public' },
      schema: {
        tags: ['portal'],
        summary: 'Public: station information and on-duty staff (R-ORG-03)',
        querystring: Type.Object({ code: Type.Optional(Type.String({ maxLength: 32 })) }),
      },
    },
    async (req) => {
      let q = db.selectFrom('org_units').selectAll().where('kind', '=', 'station');
      if (req.query.code) q = q.where('code', '=', req.query.code);
      const station = await q.orderBy('id').executeTakeFirst();
      if (!station) throw errors.notFound({ zh: '供电所', en: 'Station' });
      const staff = await db
        .selectFrom('users')
        .innerJoin('org_units', 'org_units.id', 'users.org_unit_id')
        .select(['display_name', 'post', 'badge_no', 'photo_url', 'org_units.name as unit_name'])
        .where('org_units.path', 'like', `${station.path}%`)
        .where('on_duty', '=', true)
        .where('active', '=', true)
        .orderBy('users.id')
        .execute();
      return {
        station: {
          code: station.code,
          name: station.name,
          address: station.address,
          phone: station.phone,
          serviceHours: station.service_hours,
          repairPhone: station.phone,
          complaintPhone: station.phone,
        },
        staff: staff.map((s) => ({
          name: s.display_name,
          post: s.post,
          postLabel: POST_LABELS[s.post as Post] ?? { zh: s.post, en: s.post },
          badgeNo: s.badge_no,
          unit: s.unit_name,
          photoUrl: s.photo_url,
        })),
      };
    },
  );
}
