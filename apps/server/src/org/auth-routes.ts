// Sign-in, sign-out, the current user and one's own password (R-ORG-01, R-SYS-04). The lockout
// lives in the users table, so it survives a restart: consecutive failures are counted there, the
// failure that reaches the policy's threshold locks the account until a set instant, and a
// successful sign-in clears the count. Every such write is a command with its audit row.
import { perMinute } from '../policy/rate-limits';
import {
  ChangePasswordBody,
  ChangePasswordResponse,
  LoginBody,
  LoginResponse,
  LogoutResponse,
  MeSchema,
  PasswordPolicyView,
  type Me,
} from '@griddesk/shared/org-api';
import type { Role } from '@griddesk/shared';
import { afterFailedLogin, describePasswordPolicy, formatShanghai, isLocked, permissionsOf } from '@griddesk/domain';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { AppError, errors } from '../errors';
import { actorOf, type App, type AppContext } from '../http/context';
import { commandContext, runCommand } from '../platform/commands';
import { actorFor } from './actor';
import { hashPassword, verifyPassword } from './password';
import { passwordPolicy } from './password-policy-repo';
import { invalid } from './problems';
import { rolePermissionTable } from './role-permissions';
import { SESSION_COOKIE, createSession, deleteSession, endSessionsOf } from './sessions';
import { passwordProblems } from './users-service';

export async function meOf(db: Kysely<DB>, userId: number): Promise<Me> {
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
      'must_change_password',
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
    post: u.post as Me['post'],
    badgeNo: u.badge_no,
    roles: u.roles as Role[],
    permissions: permissionsOf(u.roles as Role[], await rolePermissionTable(db)),
    orgUnit: { id: u.unit_id, code: u.unit_code, name: u.unit_name, kind: u.unit_kind },
    mustChangePassword: u.must_change_password,
  };
}

/** "2026-03-02 09:15" in Beijing time: what a person reads in the lock message. */
const localMinute = (d: Date) => formatShanghai(d).slice(0, 16).replace('T', ' ');

const accountLocked = (until: Date) =>
  new AppError(
    'account_locked',
    `密码连续输错次数过多，账号已锁定至 ${localMinute(until)}（北京时间），请届时再试或联系管理员解锁`,
    `Too many wrong passwords: the account is locked until ${localMinute(until)} (Beijing time). Try again then, or ask an administrator to unlock it`,
  );

/** A hash to verify against when the username is unknown, so the answer takes as long as for a real account. */
let dummyHash: Promise<string> | null = null;

export function authRoutes(app: App, ctx: AppContext): void {
  const db = ctx.database.db;

  app.post(
    '/api/auth/login',
    {
      schema: {
        tags: ['auth'],
        summary: 'Sign in; sets an httpOnly session cookie. Repeated wrong passwords lock the account (policy data)',
        body: LoginBody,
        response: { 200: LoginResponse },
      },
      config: {
        permission: 'public',
        rateLimit: {
          max: perMinute(db, 'loginPerMinute'),
          timeWindow: '1 minute',
          keyGenerator: (req) => `${req.ip}|${(req.body as { username?: string } | undefined)?.username ?? ''}`,
        },
      },
    },
    async (req, reply) => {
      const now = req.now;
      const user = await db
        .selectFrom('users')
        .select(['id', 'password_hash', 'active', 'org_unit_id', 'username', 'display_name', 'roles', 'failed_logins', 'locked_until', 'must_change_password'])
        .where('username', '=', req.body.username)
        .executeTakeFirst();
      if (!user?.active) {
        dummyHash ??= hashPassword('not-a-password');
        await verifyPassword(req.body.password, await dummyHash);
        throw errors.invalidCredentials();
      }
      // a locked account is refused whatever the password, without trying it
      if (user.locked_until && isLocked({ lockedUntil: user.locked_until }, now)) throw accountLocked(user.locked_until);
      const policy = await passwordPolicy(db);
      const system = { db, actor: null, now, requestId: req.id };

      if (!(await verifyPassword(req.body.password, user.password_hash))) {
        const state = await runCommand(system, {}, async ({ tx, audit }) => {
          const row = await tx.selectFrom('users').select(['failed_logins', 'locked_until']).where('id', '=', user.id).forUpdate().executeTakeFirstOrThrow();
          const next = afterFailedLogin({ failedLogins: row.failed_logins, lockedUntil: row.locked_until }, now, policy.lockout);
          await tx.updateTable('users').set({ failed_logins: next.failedLogins, locked_until: next.lockedUntil }).where('id', '=', user.id).execute();
          await audit({ entity: 'user', entityId: user.id, action: 'login.failed', after: { ip: req.ip, failedLogins: next.failedLogins } });
          if (next.lockedNow) {
            await audit({
              entity: 'user',
              entityId: user.id,
              action: 'lock',
              after: { lockedUntil: next.lockedUntil, failures: policy.lockout.maxFailures, lockMinutes: policy.lockout.lockMinutes, ip: req.ip },
            });
          }
          return next;
        });
        if (state.lockedUntil && isLocked(state, now)) throw accountLocked(state.lockedUntil);
        throw errors.invalidCredentials();
      }

      const actor = await actorFor(db, user);
      const session = await runCommand({ db, actor, now, requestId: req.id }, {}, async ({ tx, audit }) => {
        if (user.locked_until !== null || user.failed_logins > 0) {
          await tx.updateTable('users').set({ failed_logins: 0, locked_until: null }).where('id', '=', user.id).execute();
          // a lock that ran out ends here, on record
          if (user.locked_until !== null)
            await audit({ entity: 'user', entityId: user.id, action: 'unlock', before: { lockedUntil: user.locked_until }, after: { reason: 'expired' } });
        }
        const s = await createSession(tx, user.id, ctx.config.sessionTtlHours, { ip: req.ip, userAgent: req.headers['user-agent'], now });
        await audit({ entity: 'session', entityId: user.id, action: 'login', after: { ip: req.ip, mustChangePassword: user.must_change_password } });
        return s;
      });
      void reply.setCookie(SESSION_COOKIE, session.token, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: ctx.config.secureCookies,
        expires: session.expiresAt,
      });
      return { user: await meOf(db, user.id) };
    },
  );

  app.post(
    '/api/auth/logout',
    {
      config: { permission: 'public' },
      schema: {
        tags: ['auth'],
        summary: 'Sign out: the session ends and its cookie is cleared',
        response: { 200: LogoutResponse },
      },
    },
    async (req, reply) => {
      const token = req.cookies[SESSION_COOKIE];
      if (token) await deleteSession(db, token);
      void reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { signedOut: true as const };
    },
  );

  app.get(
    '/api/me',
    { config: { permission: 'signed-in' }, schema: { tags: ['auth'], summary: 'The signed-in user', response: { 200: MeSchema } } },
    async (req) => meOf(db, actorOf(req).id),
  );

  app.get(
    '/api/auth/password-policy',
    {
      config: { permission: 'signed-in' },
      schema: { tags: ['auth'], summary: 'The password rules in force, for the page where a password is chosen', response: { 200: PasswordPolicyView } },
    },
    async () => {
      const policy = await passwordPolicy(db);
      return {
        minLength: policy.minLength,
        maxLength: policy.maxLength,
        maxFailures: policy.lockout.maxFailures,
        lockMinutes: policy.lockout.lockMinutes,
        rules: describePasswordPolicy(policy),
      };
    },
  );

  app.post(
    '/api/auth/password',
    {
      config: {
        permission: 'signed-in',
        rateLimit: { max: 10, timeWindow: '1 minute', keyGenerator: (req) => `pw|${req.actor?.id ?? req.ip}` },
      },
      schema: {
        tags: ['auth'],
        summary: "Change one's own password: the current one, then a new one under the policy; the user's other sessions end, this one stays",
        body: ChangePasswordBody,
        response: { 200: ChangePasswordResponse },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      const row = await db.selectFrom('users').select(['password_hash', 'username']).where('id', '=', actor.id).executeTakeFirstOrThrow();
      if (!(await verifyPassword(req.body.currentPassword, row.password_hash))) {
        throw invalid([{ field: 'currentPassword', reason: 'is not your current password', reasonZh: '不正确' }]);
      }
      const policy = await passwordPolicy(db);
      const problems = passwordProblems('newPassword', req.body.newPassword, row.username, policy, req.body.currentPassword);
      if (problems.length) throw invalid(problems);
      const hash = await hashPassword(req.body.newPassword);
      const endedSessions = await runCommand(commandContext(db, req), {}, async ({ tx, audit, now }) => {
        await tx
          .updateTable('users')
          .set({ password_hash: hash, must_change_password: false, password_changed_at: now, failed_logins: 0, locked_until: null, updated_at: now })
          .where('id', '=', actor.id)
          .execute();
        const ended = await endSessionsOf(tx, actor.id, req.cookies[SESSION_COOKIE]);
        await audit({ entity: 'user', entityId: actor.id, action: 'password.change', after: { endedSessions: ended, wasRequired: actor.mustChangePassword } });
        return ended;
      });
      return { user: await meOf(db, actor.id), endedSessions };
    },
  );
}
