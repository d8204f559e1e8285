// The org capability's HTTP routes (R-ORG-01..03): sign-in and passwords, the org tree, staff and
// their photos, and the public staff cards of the portal. Routes are thin: the schemas are the
// shared contract, writes go through the commands in units-service and users-service.
import {
  CreateOrgUnitBody,
  CreateUserBody,
  IdParams,
  OrgUnitList,
  OrgUnitView,
  OrgUnitsQuery,
  PHOTO_CONTENT_TYPES,
  PortalStation,
  PortalStationQuery,
  ResetPasswordBody,
  ResetPasswordResponse,
  UpdateOrgUnitBody,
  UpdateUserBody,
  UserList,
  UserView,
  UsersQuery,
} from '@griddesk/shared/org-api';
import { fileResponse, POST_LABELS, type Post } from '@griddesk/shared';
import { sniffPhoto } from '@griddesk/domain';
import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { sql } from 'kysely';
import { AppError, errors } from '../errors';
import { actorOf, type App, type AppContext } from '../http/context';
import { commandContext } from '../platform/commands';
import { type Actor, actorFor } from './actor';
import { authRoutes } from './auth-routes';
import { passwordPolicy } from './password-policy-repo';
import { portalPhotoUrl, unitQuery, unitView, userQuery, userView } from './present';
import { invalid } from './problems';
import { rolePermissionTable } from './role-permissions';
import { createUnit, updateUnit } from './units-service';
import { createUser, deletePhoto, resetPassword, setPhoto, unlockUser, updateUser } from './users-service';

/** A staff photo is an ID photo, not a document: 2 MB is plenty for a 5-inch print. */
export const MAX_PHOTO_BYTES = 2 * 1024 * 1024;

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

export function orgRoutes(app: App, ctx: AppContext): void {
  const db = ctx.database.db;
  authRoutes(app, ctx);

  /** The actor again after a change to the tree: a unit just made or moved is in (or out of) their scope now. */
  async function refreshedActor(req: FastifyRequest): Promise<Actor> {
    const actor = actorOf(req);
    const row = await db
      .selectFrom('users')
      .select(['id', 'username', 'display_name', 'roles', 'org_unit_id', 'must_change_password'])
      .where('id', '=', actor.id)
      .executeTakeFirstOrThrow();
    req.actor = await actorFor(db, row);
    return req.actor;
  }

  async function unitFor(actor: Actor, id: number) {
    const row = await unitQuery(db).where('org_units.id', '=', id).where('org_units.id', 'in', actor.workUnitIds).executeTakeFirst();
    if (!row) throw errors.notFound({ zh: '单位', en: 'Unit' });
    return unitView(row, actor);
  }

  async function userFor(actor: Actor, id: number, now: Date) {
    const row = await userQuery(db).where('users.id', '=', id).where('users.org_unit_id', 'in', actor.workUnitIds).executeTakeFirst();
    if (!row) throw errors.notFound({ zh: '人员', en: 'Staff member' });
    return userView(row, actor, await rolePermissionTable(db), now);
  }

  // ---- org units ---------------------------------------------------------------------------------

  app.get(
    '/api/org/units',
    {
      config: { permission: 'org.read' },
      schema: {
        tags: ['org'],
        summary: 'Org units the caller works with: their subtree, for a team member their station (county → station → team)',
        querystring: OrgUnitsQuery,
        response: { 200: OrgUnitList },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      let q = unitQuery(db).where('org_units.id', 'in', actor.workUnitIds);
      if (!req.query.includeRetired) q = q.where('org_units.retired', '=', false);
      const rows = await q.orderBy('org_units.path').execute();
      return { items: rows.map((u) => unitView(u, actor)), total: rows.length };
    },
  );

  app.post(
    '/api/org/units',
    {
      config: { permission: 'org.admin' },
      schema: {
        tags: ['org'],
        summary: 'Add a station (under the county: system administrators) or a team (under a station)',
        body: CreateOrgUnitBody,
        response: { 201: OrgUnitView },
      },
    },
    async (req, reply) => {
      const id = await createUnit(commandContext(db, req), req.body);
      return reply.status(201).send(await unitFor(await refreshedActor(req), id));
    },
  );

  app.patch(
    '/api/org/units/:id',
    {
      config: { permission: 'org.admin' },
      schema: {
        tags: ['org'],
        summary: 'Rename, move (a new parent one level up; the subtree follows) or retire a unit',
        params: IdParams,
        body: UpdateOrgUnitBody,
        response: { 200: OrgUnitView },
      },
    },
    async (req) => {
      const id = await updateUnit(commandContext(db, req), req.params.id, req.body);
      return unitFor(await refreshedActor(req), id);
    },
  );

  // ---- users -------------------------------------------------------------------------------------

  app.get(
    '/api/org/users',
    {
      config: { permission: 'org.read' },
      schema: {
        tags: ['org'],
        summary: 'Staff of the units the caller works with, filtered by unit (and its subtree), role, status or a search',
        querystring: UsersQuery,
        response: { 200: UserList },
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
      let base = userQuery(db).where('users.org_unit_id', 'in', unitIds);
      const { role, active, q } = req.query;
      if (role) base = base.where(sql<boolean>`${role} = any(users.roles)`);
      if (active !== undefined) base = base.where('users.active', '=', active);
      if (q?.trim()) {
        const like = `%${escapeLike(q.trim())}%`;
        base = base.where((eb) => eb.or([eb('users.display_name', 'ilike', like), eb('users.username', 'ilike', like), eb('users.badge_no', 'ilike', like)]));
      }
      const [rows, total] = await Promise.all([
        base.orderBy('users.id').limit(req.query.limit).offset(req.query.offset).execute(),
        base.clearSelect().select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow(),
      ]);
      const table = await rolePermissionTable(db);
      return { items: rows.map((u) => userView(u, actor, table, req.now)), total: total.n };
    },
  );

  app.get(
    '/api/org/users/:id',
    {
      config: { permission: 'org.read' },
      schema: { tags: ['org'], summary: 'One staff member', params: IdParams, response: { 200: UserView } },
    },
    async (req) => userFor(actorOf(req), req.params.id, req.now),
  );

  app.post(
    '/api/org/users',
    {
      config: { permission: 'org.admin' },
      schema: {
        tags: ['org'],
        summary: 'Add a staff account in a unit the caller administers; the password must meet the policy',
        body: CreateUserBody,
        response: { 201: UserView },
      },
    },
    async (req, reply) => {
      const id = await createUser(commandContext(db, req), req.body, await passwordPolicy(db));
      return reply.status(201).send(await userFor(actorOf(req), id, req.now));
    },
  );

  app.patch(
    '/api/org/users/:id',
    {
      config: { permission: 'org.admin' },
      schema: {
        tags: ['org'],
        summary: 'Edit a staff account; {"disabled": true} disables it and ends its sessions at once',
        params: IdParams,
        body: UpdateUserBody,
        response: { 200: UserView },
      },
    },
    async (req) => {
      const id = await updateUser(commandContext(db, req), req.params.id, req.body);
      return userFor(actorOf(req), id, req.now);
    },
  );

  app.post(
    '/api/org/users/:id/password',
    {
      config: { permission: 'org.admin' },
      schema: {
        tags: ['org'],
        summary: "Reset a staff member's password: a temporary one (generated when none is given), a forced change at next sign-in, their sessions ended",
        params: IdParams,
        body: Type.Optional(ResetPasswordBody),
        response: { 200: ResetPasswordResponse },
      },
    },
    async (req) => {
      const result = await resetPassword(commandContext(db, req), req.params.id, req.body ?? {}, await passwordPolicy(db));
      return { user: await userFor(actorOf(req), req.params.id, req.now), ...result };
    },
  );

  app.post(
    '/api/org/users/:id/unlock',
    {
      config: { permission: 'org.admin' },
      schema: { tags: ['org'], summary: 'Lift a lock left by repeated failed sign-ins', params: IdParams, response: { 200: UserView } },
    },
    async (req) => {
      await unlockUser(commandContext(db, req), req.params.id);
      return userFor(actorOf(req), req.params.id, req.now);
    },
  );

  // ---- photos (R-ORG-03) -------------------------------------------------------------------------

  app.post(
    '/api/org/users/:id/photo',
    {
      config: { permission: 'org.admin' },
      schema: {
        tags: ['org'],
        summary: 'Upload the staff photo (multipart field `file`: JPEG, PNG or WebP, at most 2 MB); replaces the previous one',
        consumes: ['multipart/form-data'],
        params: IdParams,
        response: { 200: UserView },
      },
    },
    async (req) => {
      const file = await req.file({ limits: { fileSize: MAX_PHOTO_BYTES } });
      if (file?.fieldname !== 'file') throw invalid([{ field: 'file', reason: 'is required (multipart field "file")', reasonZh: '请选择照片文件' }]);
      const tooLarge = () =>
        new AppError('payload_too_large', '照片不能超过 2 MB', 'The photo must not exceed 2 MB', [
          { field: 'file', value: file.filename, reason: 'must not exceed 2 MB', reasonZh: '不能超过 2 MB' },
        ]);
      let data: Buffer;
      try {
        data = await file.toBuffer();
      } catch (e) {
        if ((e as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge();
        throw e;
      }
      if (file.file.truncated || data.length > MAX_PHOTO_BYTES) throw tooLarge();
      const type = sniffPhoto(data);
      if (!type) {
        throw new AppError('unsupported_file', '照片只能是 JPEG、PNG 或 WebP 图片', 'The photo must be a JPEG, PNG or WebP image', [
          { field: 'file', value: file.filename, reason: 'is not a JPEG, PNG or WebP image', reasonZh: '不是 JPEG、PNG 或 WebP 图片' },
        ]);
      }
      await setPhoto(commandContext(db, req), req.params.id, { type, data, filename: file.filename });
      return userFor(actorOf(req), req.params.id, req.now);
    },
  );

  app.delete(
    '/api/org/users/:id/photo',
    {
      config: { permission: 'org.admin' },
      schema: { tags: ['org'], summary: 'Remove the staff photo', params: IdParams, response: { 200: UserView } },
    },
    async (req) => {
      await deletePhoto(commandContext(db, req), req.params.id);
      return userFor(actorOf(req), req.params.id, req.now);
    },
  );

  async function sendPhoto(userId: number, reply: FastifyReply, publicOnly: boolean) {
    let q = db
      .selectFrom('staff_photos')
      .innerJoin('users', 'users.id', 'staff_photos.user_id')
      .select(['staff_photos.content_type', 'staff_photos.data', 'staff_photos.sha256'])
      .where('staff_photos.user_id', '=', userId);
    if (publicOnly) q = q.where('users.on_duty', '=', true).where('users.active', '=', true);
    const photo = await q.executeTakeFirst();
    if (!photo) throw errors.notFound({ zh: '照片', en: 'Photo' });
    return reply
      .header('content-type', photo.content_type)
      .header('x-content-type-options', 'nosniff')
      .header('content-security-policy', "default-src 'none'")
      .header('etag', `"${photo.sha256.slice(0, 32)}"`)
      .header('cache-control', publicOnly ? 'public, max-age=3600' : 'private, max-age=3600')
      .send(photo.data);
  }

  const PhotoResponse = { 200: fileResponse('The image (JPEG, PNG or WebP)', PHOTO_CONTENT_TYPES) };

  app.get(
    '/api/org/users/:id/photo',
    {
      config: { permission: 'org.read' },
      schema: { tags: ['org'], summary: 'The staff photo of anyone in the caller’s scope', params: IdParams, response: PhotoResponse },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const user = await db.selectFrom('users').select('id').where('id', '=', req.params.id).where('org_unit_id', 'in', actor.workUnitIds).executeTakeFirst();
      if (!user) throw errors.notFound({ zh: '照片', en: 'Photo' });
      return sendPhoto(user.id, reply, false);
    },
  );

  // ---- portal (R-ORG-03) -------------------------------------------------------------------------

  app.get(
    '/api/portal/staff/:id/photo',
    {
      config: { permission: 'public' },
      schema: { tags: ['portal'], summary: 'Public: the photo on an on-duty staff card', security: [], params: IdParams, response: PhotoResponse },
    },
    async (req, reply) => sendPhoto(req.params.id, reply, true),
  );

  // R-ORG-03: the public portal lists on-duty staff with photo, name, post and badge number.
  app.get(
    '/api/portal/station',
    {
      config: { permission: 'public' },
      schema: {
        tags: ['portal'],
        summary: 'Public: station information and on-duty staff (R-ORG-03)',
        security: [],
        querystring: PortalStationQuery,
        response: { 200: PortalStation },
      },
    },
    async (req) => {
      let q = db.selectFrom('org_units').selectAll().where('kind', '=', 'station').where('retired', '=', false);
      if (req.query.code) q = q.where('code', '=', req.query.code);
      const station = await q.orderBy('id').executeTakeFirst();
      if (!station) throw errors.notFound({ zh: '供电所', en: 'Station' });
      const staff = await db
        .selectFrom('users')
        .innerJoin('org_units', 'org_units.id', 'users.org_unit_id')
        .leftJoin('staff_photos', 'staff_photos.user_id', 'users.id')
        .select(['users.id', 'display_name', 'post', 'badge_no', 'photo_url', 'org_units.name as unit_name', 'staff_photos.sha256 as photo_sha256'])
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
          photoUrl: s.photo_sha256 ? portalPhotoUrl(s.id, s.photo_sha256) : s.photo_url,
        })),
      };
    },
  );
}
