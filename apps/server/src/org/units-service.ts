// Org units (R-ORG-01): create, rename, move and retire stations and teams, county → station →
// team. Every change is a command: the caller's scope is checked, the change and its audit row
// commit together, and a move rewrites the paths of the whole subtree in the same transaction.
import type { CreateOrgUnitBody, UpdateOrgUnitBody } from '@griddesk/shared/org-api';
import { checkParentKind, checkUnitFields, mayAdministerUnit } from '@griddesk/domain';
import type { OrgKind, TeamKind } from '@griddesk/shared';
import { sql } from 'kysely';
import { AppError, errors } from '../errors';
import { type CommandContext, runCommand, type Tx } from '../platform/commands';
import { forgetSessions } from './sessions';

async function afterOrgChange<T>(ctx: CommandContext, done: Promise<T>): Promise<T> {
  const out = await done;
  forgetSessions(ctx.db);
  return out;
}
import type { Actor } from './actor';
import { conflict, forbiddenField, invalid } from './problems';

const UNIT = { zh: '单位', en: 'Unit' };

async function loadUnit(tx: Tx, id: number, lock = false) {
  let q = tx.selectFrom('org_units').selectAll().where('id', '=', id);
  if (lock) q = q.forUpdate();
  return q.executeTakeFirst();
}

/** The parent a unit goes under: it exists (422), the caller administers it (403), it is of the right kind (422) and not retired (409). */
async function checkParent(tx: Tx, actor: Actor, kind: OrgKind, parentId: number) {
  const parent = await loadUnit(tx, parentId);
  if (!parent) throw invalid([{ field: 'parentId', reason: 'does not exist', reasonZh: '不存在' }]);
  const kindProblem = checkParentKind(kind, parent.kind);
  if (kindProblem) throw invalid([kindProblem]);
  if (!mayAdministerUnit(actor, parent)) {
    throw forbiddenField(
      'parentId',
      parent.kind === 'county' ? 'only a system administrator adds or moves stations of the county' : 'is outside the units you administer',
      parent.kind === 'county' ? '只有系统管理员可以在县公司下增加或调整供电所' : '不在您管理的范围内',
    );
  }
  if (parent.retired) throw conflict('parentId', 'is retired', '已撤销');
  return parent;
}

async function checkCodeFree(tx: Tx, code: string, exceptId?: number) {
  let q = tx.selectFrom('org_units').select('id').where('code', '=', code);
  if (exceptId !== undefined) q = q.where('id', '<>', exceptId);
  if (await q.executeTakeFirst()) throw conflict('code', `is already used by another unit (${code})`, `已被其他单位使用（${code}）`);
}

const trimOrNull = (v: string | null | undefined) => (v == null || v.trim() === '' ? null : v.trim());

export async function createUnit(ctx: CommandContext, body: CreateOrgUnitBody): Promise<number> {
  const problems = checkUnitFields(body, body.kind);
  if (body.kind === 'county')
    problems.push({
      field: 'kind',
      reason: 'the county company is made at setup; add stations and teams',
      reasonZh: '县公司在系统初始化时建立，此处只能新增供电所或班组',
    });
  if (problems.length) throw invalid(problems);
  const kind = body.kind as 'station' | 'team';
  // the tree changed: this process reads sessions (and with them the tree's revision) afresh
  return afterOrgChange(
    ctx,
    runCommand(ctx, { permission: 'org.admin' }, async ({ tx, audit, now }) => {
      const actor = ctx.actor!;
      const parent = await checkParent(tx, actor, kind, body.parentId);
      await checkCodeFree(tx, body.code);
      const values = {
        code: body.code,
        name: body.name.trim(),
        name_en: trimOrNull(body.nameEn),
        kind,
        team_kind: kind === 'team' ? ((body.teamKind ?? null) as TeamKind | null) : null,
        parent_id: parent.id,
        address: trimOrNull(body.address),
        phone: trimOrNull(body.phone),
        service_hours: trimOrNull(body.serviceHours),
      };
      const { id } = await tx
        .insertInto('org_units')
        .values({ ...values, path: `${parent.path}pending/`, created_at: now, updated_at: now })
        .returning('id')
        .executeTakeFirstOrThrow();
      await tx
        .updateTable('org_units')
        .set({ path: `${parent.path}${id}/` })
        .where('id', '=', id)
        .execute();
      await audit({ entity: 'org_unit', entityId: id, action: 'create', after: values });
      return id;
    }),
  );
}

/** What still hangs on a unit that is to be retired; empty when it may go. */
async function obstaclesToRetire(tx: Tx, unit: { id: number; path: string }) {
  const subtree = tx.selectFrom('org_units').select('id').where('path', 'like', `${unit.path}%`);
  const [staff, units, cases, feeders] = await Promise.all([
    tx.selectFrom('users').select(sql<number>`count(*)`.as('n')).where('org_unit_id', 'in', subtree).where('active', '=', true).executeTakeFirstOrThrow(),
    tx
      .selectFrom('org_units')
      .select(sql<number>`count(*)`.as('n'))
      .where('path', 'like', `${unit.path}%`)
      .where('id', '<>', unit.id)
      .where('retired', '=', false)
      .executeTakeFirstOrThrow(),
    tx
      .selectFrom('cases')
      .select(sql<number>`count(*)`.as('n'))
      .where('status', '<>', 'closed')
      .where((eb) => eb.or([eb('station_id', 'in', subtree), eb('team_id', 'in', subtree)]))
      .executeTakeFirstOrThrow(),
    tx.selectFrom('feeders').select(sql<number>`count(*)`.as('n')).where('station_id', 'in', subtree).executeTakeFirstOrThrow(),
  ]);
  const zh: string[] = [];
  const en: string[] = [];
  if (staff.n > 0) {
    zh.push(`${staff.n} 名在职人员`);
    en.push(`${staff.n} active staff`);
  }
  if (units.n > 0) {
    zh.push(`${units.n} 个未撤销的下级单位`);
    en.push(`${units.n} sub-units not retired`);
  }
  if (cases.n > 0) {
    zh.push(`${cases.n} 件未办结的工单`);
    en.push(`${cases.n} open cases`);
  }
  if (feeders.n > 0) {
    zh.push(`${feeders.n} 条线路台账`);
    en.push(`${feeders.n} feeders in the ledger`);
  }
  return { zh, en };
}

export async function updateUnit(ctx: CommandContext, id: number, body: UpdateOrgUnitBody): Promise<number> {
  if (Object.keys(body).length === 0) throw invalid([{ field: 'body', reason: 'changes nothing', reasonZh: '没有需要修改的内容' }]);
  // the tree changed: this process reads sessions (and with them the tree's revision) afresh
  return afterOrgChange(
    ctx,
    runCommand(ctx, { permission: 'org.admin' }, async ({ tx, audit, now }) => {
      const actor = ctx.actor!;
      const unit = await loadUnit(tx, id, true);
      if (!unit || !actor.unitIds.includes(unit.id)) throw errors.notFound(UNIT);
      if (!mayAdministerUnit(actor, unit))
        throw forbiddenField('body', 'only a system administrator changes the county company', '只有系统管理员可以修改县公司');
      const problems = checkUnitFields(body, unit.kind);
      if (problems.length) throw invalid(problems);

      const before: Record<string, unknown> = {};
      const after: Record<string, unknown> = {};
      const patch: Record<string, unknown> = {};
      const change = (field: string, column: string, from: unknown, to: unknown) => {
        if (to === undefined || from === to) return;
        before[field] = from;
        after[field] = to;
        patch[column] = to;
      };
      if (body.code !== undefined && body.code !== unit.code) await checkCodeFree(tx, body.code, unit.id);
      change('code', 'code', unit.code, body.code);
      change('name', 'name', unit.name, body.name?.trim());
      change('nameEn', 'name_en', unit.name_en, body.nameEn === undefined ? undefined : trimOrNull(body.nameEn));
      change('teamKind', 'team_kind', unit.team_kind, body.teamKind);
      change('address', 'address', unit.address, body.address === undefined ? undefined : trimOrNull(body.address));
      change('phone', 'phone', unit.phone, body.phone === undefined ? undefined : trimOrNull(body.phone));
      change('serviceHours', 'service_hours', unit.service_hours, body.serviceHours === undefined ? undefined : trimOrNull(body.serviceHours));

      let action = 'update';
      let newPath: string | null = null;
      if (body.parentId !== undefined && body.parentId !== unit.parent_id) {
        if (unit.kind === 'county') throw invalid([checkParentKind('county', 'county')!]);
        const parent = await checkParent(tx, actor, unit.kind, body.parentId);
        if (unit.kind === 'team') {
          // a team's open cases belong to its station: moving the team would leave them in one
          // station with their team in another
          const open = await tx
            .selectFrom('cases')
            .select(sql<number>`count(*)`.as('n'))
            .where('team_id', '=', unit.id)
            .where('status', '<>', 'closed')
            .executeTakeFirstOrThrow();
          if (open.n > 0) {
            throw conflict(
              'parentId',
              `the team has ${open.n} open cases in its station; close or reassign them first`,
              `该班组在原供电所还有 ${open.n} 件未办结工单，请先办结或改派`,
            );
          }
        }
        change('parentId', 'parent_id', unit.parent_id, parent.id);
        newPath = `${parent.path}${unit.id}/`;
        action = 'move';
      }

      if (body.retired !== undefined && body.retired !== unit.retired) {
        if (body.retired) {
          if (unit.kind === 'county') throw conflict('retired', 'the county company cannot be retired', '县公司不能撤销');
          const left = await obstaclesToRetire(tx, unit);
          if (left.zh.length) {
            throw new AppError(
              'conflict',
              `不能撤销“${unit.name}”：仍有 ${left.zh.join('、')}，请先调出或办结`,
              `“${unit.name}” cannot be retired while it has ${left.en.join(', ')}; move or close them first`,
              [
                {
                  field: 'retired',
                  reason: `cannot be set while the unit has ${left.en.join(', ')}`,
                  reasonZh: `不能撤销：仍有 ${left.zh.join('、')}`,
                },
              ],
            );
          }
          action = 'retire';
        } else {
          const parent = unit.parent_id === null ? null : await loadUnit(tx, unit.parent_id);
          if (parent?.retired) throw conflict('retired', 'cannot be restored under a retired parent unit', '上级单位已撤销，不能恢复');
          action = 'restore';
        }
        change('retired', 'retired', unit.retired, body.retired);
      }

      if (Object.keys(patch).length === 0) return unit.id;
      await tx
        .updateTable('org_units')
        .set({ ...patch, updated_at: now })
        .where('id', '=', unit.id)
        .execute();
      if (newPath !== null) {
        // the unit and everything under it: '/1/2/7/…' → '/1/5/7/…'
        await tx
          .updateTable('org_units')
          .set({ path: sql<string>`${newPath} || substr(path, ${unit.path.length + 1})` })
          .where('path', 'like', `${unit.path}%`)
          .execute();
        before.path = unit.path;
        after.path = newPath;
      }
      await audit({ entity: 'org_unit', entityId: unit.id, action, before, after });
      return unit.id;
    }),
  );
}
