// Staff accounts (R-ORG-01..03): create, edit, disable, reset a password, unlock, photo. Every
// change is a command: scope first (an administrator acts only inside the subtree they administer,
// only a system administrator touches the county or the administrator role), one transaction with
// its audit row, sessions ended in that same transaction when an account is disabled or reset.
import { createHash } from 'node:crypto';
import type { CreateUserBody, ResetPasswordBody, UpdateUserBody } from '@griddesk/shared/org-api';
import type { Role } from '@griddesk/shared';
import { checkPassword, checkUserFields, isAdmin, mayAdministerUnit, mayTouchRoles, type PasswordPolicy, type PhotoType } from '@griddesk/domain';
import { sql } from 'kysely';
import { errors } from '../errors';
import { type CommandContext, runCommand, type Tx } from '../platform/commands';
import type { Actor } from './actor';
import { hashPassword, randomPassword } from './password';
import { conflict, forbiddenField, invalid } from './problems';
import { endSessionsOf, forgetSessions } from './sessions';

const USER = { zh: '人员', en: 'Staff member' };

const trimOrNull = (v: string | null | undefined) => (v == null || v.trim() === '' ? null : v.trim());

/** A password against the policy; the problems name `field`. */
export function passwordProblems(field: string, password: string, username: string, policy: PasswordPolicy, current?: string) {
  return checkPassword(password, { username, current }, policy).map((p) => ({ field, reason: p.reason, reasonZh: p.reasonZh }));
}

/** The unit a user goes into: exists (422), administered by the caller (403), not retired (409). */
async function checkTargetUnit(tx: Tx, actor: Actor, unitId: number) {
  const unit = await tx.selectFrom('org_units').select(['id', 'kind', 'retired', 'name']).where('id', '=', unitId).executeTakeFirst();
  if (!unit) throw invalid([{ field: 'unitId', reason: 'does not exist', reasonZh: '不存在' }]);
  if (!mayAdministerUnit(actor, unit)) {
    throw forbiddenField(
      'unitId',
      unit.kind === 'county' ? 'only a system administrator places staff in the county company' : 'is outside the units you administer',
      unit.kind === 'county' ? '只有系统管理员可以在县公司安排人员' : '不在您管理的范围内',
    );
  }
  if (unit.retired) throw conflict('unitId', 'is retired and takes no staff', '已撤销，不能再安排人员');
  return unit;
}

async function checkBadgeFree(tx: Tx, badgeNo: string, exceptId?: number) {
  let q = tx.selectFrom('users').select('id').where('badge_no', '=', badgeNo);
  if (exceptId !== undefined) q = q.where('id', '<>', exceptId);
  if (await q.executeTakeFirst()) throw conflict('badgeNo', `is already used by another staff member (${badgeNo})`, `已被其他人员使用（${badgeNo}）`);
}

/**
 * The user the caller would change, locked for the change: in the subtree they administer (else
 * 404, as for anything outside their scope), not in the county or an administrator unless they are
 * one (403).
 */
async function loadTarget(tx: Tx, actor: Actor, id: number) {
  const user = await tx
    .selectFrom('users')
    .innerJoin('org_units', 'org_units.id', 'users.org_unit_id')
    .select([
      'users.id',
      'users.username',
      'users.display_name',
      'users.org_unit_id',
      'users.post',
      'users.roles',
      'users.badge_no',
      'users.phone',
      'users.on_duty',
      'users.active',
      'users.locked_until',
      'users.failed_logins',
      'org_units.kind as unit_kind',
    ])
    .where('users.id', '=', id)
    .forUpdate('users')
    .executeTakeFirst();
  if (!user || !actor.unitIds.includes(user.org_unit_id)) throw errors.notFound(USER);
  if (!mayAdministerUnit(actor, { id: user.org_unit_id, kind: user.unit_kind }) || (user.roles.includes('admin') && !isAdmin(actor))) {
    throw forbiddenField('body', 'only a system administrator changes administrators and county staff', '只有系统管理员可以修改系统管理员和县公司人员');
  }
  return user;
}

/** At least one active administrator must remain, or nobody could administer anything. */
async function checkNotLastAdmin(tx: Tx, userId: number, field: string) {
  const others = await tx
    .selectFrom('users')
    .select(sql<number>`count(*)`.as('n'))
    .where('active', '=', true)
    .where(sql<boolean>`'admin' = any(roles)`)
    .where('id', '<>', userId)
    .executeTakeFirstOrThrow();
  if (others.n === 0) throw conflict(field, 'would leave no active system administrator', '操作后将没有可用的系统管理员');
}

export async function createUser(ctx: CommandContext, body: CreateUserBody, policy: PasswordPolicy): Promise<number> {
  const problems = [...checkUserFields(body), ...passwordProblems('password', body.password, body.username, policy)];
  if (problems.length) throw invalid(problems);
  const actor = ctx.actor!;
  if (!mayTouchRoles(actor, [], body.roles)) {
    throw forbiddenField('roles', 'only a system administrator grants the administrator role', '只有系统管理员可以授予系统管理员角色');
  }
  // scrypt takes a while: hash before the transaction opens, so it holds nothing meanwhile
  const hash = await hashPassword(body.password);
  return runCommand(ctx, { permission: 'org.admin' }, async ({ tx, audit, now }) => {
    const unit = await checkTargetUnit(tx, actor, body.unitId);
    if (await tx.selectFrom('users').select('id').where('username', '=', body.username).executeTakeFirst()) {
      throw conflict('username', `is already taken (${body.username})`, `已被使用（${body.username}）`);
    }
    const badgeNo = trimOrNull(body.badgeNo);
    if (badgeNo) await checkBadgeFree(tx, badgeNo);
    const values = {
      username: body.username,
      display_name: body.displayName.trim(),
      org_unit_id: unit.id,
      post: body.post,
      badge_no: badgeNo,
      roles: body.roles,
      phone: trimOrNull(body.phone),
      photo_url: null,
      on_duty: body.onDuty ?? false,
      must_change_password: body.mustChangePassword ?? false,
    };
    const { id } = await tx
      .insertInto('users')
      .values({ ...values, password_hash: hash, password_changed_at: now, created_at: now, updated_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit({ entity: 'user', entityId: id, action: 'create', after: { ...values, unit: unit.name } });
    return id;
  });
}

export async function updateUser(ctx: CommandContext, id: number, body: UpdateUserBody): Promise<number> {
  if (Object.keys(body).length === 0) throw invalid([{ field: 'body', reason: 'changes nothing', reasonZh: '没有需要修改的内容' }]);
  const problems = checkUserFields(body);
  if (problems.length) throw invalid(problems);
  const actor = ctx.actor!;
  return runCommand(ctx, { permission: 'org.admin' }, async ({ tx, audit, now }) => {
    const user = await loadTarget(tx, actor, id);
    const self = user.id === actor.id;
    const before: Record<string, unknown> = {};
    const after: Record<string, unknown> = {};
    const patch: Record<string, unknown> = {};
    const change = (field: string, column: string, from: unknown, to: unknown) => {
      if (to === undefined || JSON.stringify(from) === JSON.stringify(to)) return;
      before[field] = from;
      after[field] = to;
      patch[column] = to;
    };

    if (body.roles !== undefined && JSON.stringify([...body.roles].sort()) !== JSON.stringify([...user.roles].sort())) {
      if (self) throw invalid([{ field: 'roles', reason: 'cannot be changed on your own account', reasonZh: '不能修改自己的角色' }]);
      if (!mayTouchRoles(actor, user.roles, body.roles)) {
        throw forbiddenField('roles', 'only a system administrator grants or removes the administrator role', '只有系统管理员可以授予或撤销系统管理员角色');
      }
      if (user.roles.includes('admin') && !body.roles.includes('admin') && user.active) await checkNotLastAdmin(tx, user.id, 'roles');
      change('roles', 'roles', user.roles, body.roles as Role[]);
    }
    if (body.unitId !== undefined && body.unitId !== user.org_unit_id) {
      const unit = await checkTargetUnit(tx, actor, body.unitId);
      change('unitId', 'org_unit_id', user.org_unit_id, unit.id);
    }
    const badgeNo = body.badgeNo === undefined ? undefined : trimOrNull(body.badgeNo);
    if (badgeNo) await checkBadgeFree(tx, badgeNo, user.id);
    change('displayName', 'display_name', user.display_name, body.displayName?.trim());
    change('post', 'post', user.post, body.post);
    change('badgeNo', 'badge_no', user.badge_no, badgeNo);
    change('phone', 'phone', user.phone, body.phone === undefined ? undefined : trimOrNull(body.phone));
    change('onDuty', 'on_duty', user.on_duty, body.onDuty);

    let action = 'update';
    let endedSessions = 0;
    if (body.disabled !== undefined && body.disabled === user.active) {
      if (body.disabled) {
        if (self) throw invalid([{ field: 'disabled', reason: 'you cannot disable your own account', reasonZh: '不能停用自己的账号' }]);
        if (user.roles.includes('admin')) await checkNotLastAdmin(tx, user.id, 'disabled');
        // R-ORG-01: a disabled account's sessions end now, not when they expire
        endedSessions = await endSessionsOf(tx, user.id);
        action = 'disable';
      } else {
        action = 'enable';
      }
      change('active', 'active', user.active, !body.disabled);
    }
    if (Object.keys(patch).length === 0) return user.id;
    await tx
      .updateTable('users')
      .set({ ...patch, updated_at: now })
      .where('id', '=', user.id)
      .execute();
    // roles, unit or status changed: this process's sessions are read again on the next request
    forgetSessions(tx);
    await audit({ entity: 'user', entityId: user.id, action, before, after: action === 'disable' ? { ...after, endedSessions } : after });
    return user.id;
  });
}

/**
 * An administrator's reset: a temporary password (theirs or one made here, answered once), a
 * forced change at the next sign-in, the lock lifted and every session of the user ended.
 */
export async function resetPassword(
  ctx: CommandContext,
  id: number,
  body: ResetPasswordBody,
  policy: PasswordPolicy,
): Promise<{ temporaryPassword: string | null; endedSessions: number }> {
  const actor = ctx.actor!;
  // the username is needed for the policy check; read it, then check scope again under the lock
  const target = await ctx.db.selectFrom('users').select(['username', 'org_unit_id']).where('id', '=', id).executeTakeFirst();
  if (!target || !actor.unitIds.includes(target.org_unit_id)) throw errors.notFound(USER);
  let password = body.password;
  if (password !== undefined) {
    const problems = passwordProblems('password', password, target.username, policy);
    if (problems.length) throw invalid(problems);
  } else {
    do password = randomPassword(Math.max(12, policy.minLength));
    while (checkPassword(password, { username: target.username }, policy).length > 0);
  }
  const hash = await hashPassword(password);
  return runCommand(ctx, { permission: 'org.admin' }, async ({ tx, audit, now }) => {
    const user = await loadTarget(tx, actor, id);
    await tx
      .updateTable('users')
      .set({ password_hash: hash, must_change_password: true, failed_logins: 0, locked_until: null, password_changed_at: now, updated_at: now })
      .where('id', '=', user.id)
      .execute();
    const endedSessions = await endSessionsOf(tx, user.id);
    await audit({
      entity: 'user',
      entityId: user.id,
      action: 'password.reset',
      after: { mustChangePassword: true, generated: body.password === undefined, endedSessions, wasLockedUntil: user.locked_until },
    });
    return { temporaryPassword: body.password === undefined ? password : null, endedSessions };
  });
}

/** Lifts a lock left by failed sign-ins before it runs out. */
export async function unlockUser(ctx: CommandContext, id: number): Promise<number> {
  const actor = ctx.actor!;
  return runCommand(ctx, { permission: 'org.admin' }, async ({ tx, audit, now }) => {
    const user = await loadTarget(tx, actor, id);
    if (user.locked_until === null && user.failed_logins === 0) return user.id;
    await tx.updateTable('users').set({ failed_logins: 0, locked_until: null, updated_at: now }).where('id', '=', user.id).execute();
    await audit({
      entity: 'user',
      entityId: user.id,
      action: 'unlock',
      before: { lockedUntil: user.locked_until, failedLogins: user.failed_logins },
      after: { lockedUntil: null, failedLogins: 0 },
    });
    return user.id;
  });
}

export async function setPhoto(ctx: CommandContext, id: number, photo: { type: PhotoType; data: Buffer; filename: string }): Promise<void> {
  const actor = ctx.actor!;
  const sha256 = createHash('sha256').update(photo.data).digest('hex');
  await runCommand(ctx, { permission: 'org.admin' }, async ({ tx, audit, now }) => {
    const user = await loadTarget(tx, actor, id);
    const old = await tx.selectFrom('staff_photos').select(['sha256', 'size_bytes']).where('user_id', '=', user.id).executeTakeFirst();
    const row = { content_type: photo.type, size_bytes: photo.data.length, sha256, data: photo.data, uploaded_by: actor.id, uploaded_at: now };
    await tx
      .insertInto('staff_photos')
      .values({ user_id: user.id, ...row })
      .onConflict((oc) => oc.column('user_id').doUpdateSet(row))
      .execute();
    await audit({
      entity: 'user',
      entityId: user.id,
      action: 'photo.upload',
      before: old ? { sha256: old.sha256, bytes: old.size_bytes } : null,
      after: { sha256, bytes: photo.data.length, type: photo.type, filename: photo.filename.slice(0, 200) },
    });
  });
}

export async function deletePhoto(ctx: CommandContext, id: number): Promise<void> {
  const actor = ctx.actor!;
  await runCommand(ctx, { permission: 'org.admin' }, async ({ tx, audit }) => {
    const user = await loadTarget(tx, actor, id);
    const old = await tx.deleteFrom('staff_photos').where('user_id', '=', user.id).returning(['sha256', 'size_bytes']).executeTakeFirst();
    if (!old) throw errors.notFound({ zh: '照片', en: 'Photo' });
    await audit({ entity: 'user', entityId: user.id, action: 'photo.delete', before: { sha256: old.sha256, bytes: old.size_bytes } });
  });
}
