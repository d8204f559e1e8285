// The versioned-document module: draft → validate → publish (in force) → superseded, each step a
// command with its audit row; records made under a version keep its number. Reads of the version
// in force are cached per database for a few seconds and dropped at once when this process
// publishes, so a request never pays a query for the rules it runs under.
import type { Kysely } from 'kysely';
import type { ApiErrorField } from '@griddesk/shared';
import type { DB } from '../../db/schema';
import { AppError, errors } from '../../errors';
import { type CommandContext, runCommand } from '../commands';
import { rootOf } from '../transaction-scope';
import { DEFAULT_KEY, type DocumentKind } from './kinds';
import * as repo from './repo';

export type { DocumentRow } from './repo';

export interface InForce<T> {
  /** 0: nothing published yet, the shipped default is used */
  version: number;
  key: string;
  definition: T;
}

const TTL_MS = 5_000;
const caches = new WeakMap<Kysely<DB>, Map<string, { at: number; value: Promise<unknown> }>>();

function cacheOf(db: Kysely<DB>) {
  let c = caches.get(db);
  if (!c) {
    c = new Map();
    caches.set(db, c);
  }
  return c;
}

/** Forget what was read of this database (after a publish; tests that write documents directly). */
export function invalidateDocuments(db: Kysely<DB>): void {
  caches.delete(db);
}

/**
 * Through the cache of the outer database. Inside a transaction a hit is served from it, a miss
 * is read through the transaction and not kept (it may see the transaction's own changes).
 */
function cached<T>(db: Kysely<DB>, id: string, load: () => Promise<T>): Promise<T> {
  const cache = cacheOf(rootOf(db));
  const hit = cache.get(id);
  if (hit && Date.now() - hit.at < TTL_MS) return hit.value as Promise<T>;
  if (db.isTransaction) return load();
  const value = load();
  cache.set(id, { at: Date.now(), value });
  value.catch(() => cache.delete(id));
  return value;
}

function shippedFallback<T>(kind: DocumentKind<T>, key: string): InForce<T> {
  const shipped = kind.shipped().find((s) => s.key === key) ?? kind.shipped()[0];
  if (!shipped) throw new Error(`document kind ${kind.kind} has nothing in force and ships no default`);
  return { version: 0, key: shipped.key, definition: shipped.definition };
}

/**
 * The version in force: of `key` for a keyed kind, of the kind's one key in force for
 * `inForce: 'kind'`. Inside a transaction pass the transaction.
 */
export function inForce<T>(db: Kysely<DB>, kind: DocumentKind<T>, key: string = DEFAULT_KEY): Promise<InForce<T>> {
  const load = async (): Promise<InForce<T>> => {
    const row = await repo.findActive(db, kind.kind, kind.inForce === 'kind' ? undefined : key);
    if (!row) return shippedFallback(kind, key);
    return { version: row.version, key: row.key, definition: kind.normalise(row.definition, row.key, row.version) };
  };
  return cached(db, `active:${kind.kind}:${kind.inForce === 'kind' ? '*' : key}`, load);
}

/** Every key's version in force (tariff tables). */
export function allInForce<T>(db: Kysely<DB>, kind: DocumentKind<T>): Promise<Map<string, InForce<T>>> {
  const load = async () => {
    const rows = await repo.listActive(db, kind.kind);
    return new Map(rows.map((r) => [r.key, { version: r.version, key: r.key, definition: kind.normalise(r.definition, r.key, r.version) }]));
  };
  return cached(db, `all:${kind.kind}`, load);
}

/** One version as stored. */
export function versionOf(db: Kysely<DB>, kind: DocumentKind, key: string, version: number): Promise<repo.DocumentRow | undefined> {
  return repo.findVersion(db, kind.kind, key, version);
}

export function notFound(kind: DocumentKind): AppError {
  return errors.notFound({ zh: kind.label.zh, en: kind.label.en });
}

function checkKey(kind: DocumentKind, key: string): void {
  if (!kind.keyed && key !== DEFAULT_KEY)
    throw errors.validation([{ field: 'key', value: key, reason: `must be "${DEFAULT_KEY}"`, reasonZh: `须为 ${DEFAULT_KEY}` }]);
  if (!kind.keyPattern.test(key)) throw errors.validation([{ field: 'key', value: key, reason: 'has a wrong form', reasonZh: '格式不正确' }]);
}

function refuse(problems: ApiErrorField[]): never {
  throw errors.validation(problems.map((p) => ({ ...p, field: p.field.startsWith('definition') ? p.field : `definition.${p.field}` })));
}

const actorName = (ctx: CommandContext) => ctx.actor?.username ?? 'system';

export interface DraftInput {
  /** copy this version of the key (or of `fromKey`); default: the version in force, else the shipped one */
  from?: number | undefined;
  fromKey?: string | undefined;
  definition?: unknown;
  note?: string | undefined;
}

/** A new draft of `key`, the next version number. */
export async function createDraft(ctx: CommandContext, kind: DocumentKind, key: string, input: DraftInput): Promise<{ key: string; version: number }> {
  checkKey(kind, key);
  return runCommand(ctx, { permission: 'policy.write' }, async ({ tx, audit }) => {
    const sourceKey = input.fromKey ?? key;
    let definition = input.definition;
    let basedOn: string | null = null;
    if (definition === undefined) {
      const source = input.from !== undefined ? await repo.findVersion(tx, kind.kind, sourceKey, input.from) : await repo.findActive(tx, kind.kind, sourceKey);
      if (input.from !== undefined && !source) throw notFound(kind);
      definition = source?.definition ?? shippedFallback(kind, sourceKey).definition;
      basedOn = source ? `${source.key}@${source.version}` : null;
    }
    const version = await repo.nextVersion(tx, kind.kind, key);
    const stored = withIdentity(kind, definition, key, version);
    await repo.insertVersion(tx, {
      kind: kind.kind,
      key,
      version,
      status: 'draft',
      active: false,
      definition: stored,
      basedOn,
      note: input.note ?? null,
      createdBy: ctx.actor?.id ?? null,
      createdName: actorName(ctx),
      publishedAt: null,
      publishedName: null,
    });
    await audit({ entity: kind.auditEntity, entityId: kind.auditId(key, version), action: basedOn ? 'clone' : 'create_draft', after: { basedOn } });
    return { key, version };
  });
}

/** Kinds that carry their own key and version inside the definition (commitment profiles) get them set. */
function withIdentity(kind: DocumentKind, definition: unknown, key: string, version: number): unknown {
  return kind.stamp ? kind.stamp(definition, key, version) : definition;
}

export async function editDraft(
  ctx: CommandContext,
  kind: DocumentKind,
  key: string,
  version: number,
  definition: unknown,
  note?: string,
): Promise<{ key: string; version: number }> {
  return runCommand(ctx, { permission: 'policy.write' }, async ({ tx, audit }) => {
    const row = await repo.findVersion(tx, kind.kind, key, version, { lock: true });
    if (!row) throw notFound(kind);
    if (row.status !== 'draft') throw new AppError('conflict', '只能修改草稿；请先复制为新版本', 'Only drafts can be edited; copy it into a new version first');
    const problems = kind.check(definition, key);
    if (problems.length) refuse(problems);
    const stored = withIdentity(kind, definition, key, version);
    await repo.updateDraft(tx, kind.kind, key, version, stored, note ?? row.note);
    await audit({ entity: kind.auditEntity, entityId: kind.auditId(key, version), action: 'edit', before: row.definition, after: stored });
    return { key, version };
  });
}

export async function problemsOf(db: Kysely<DB>, kind: DocumentKind, key: string, version: number): Promise<ApiErrorField[]> {
  const row = await repo.findVersion(db, kind.kind, key, version);
  if (!row) throw notFound(kind);
  return kind.check(row.definition, key);
}

/**
 * Puts a version in force: a draft is checked and published, a published or superseded version
 * is put back in force (a rollback). Records made earlier keep the versions they were made under.
 */
export async function activate(
  ctx: CommandContext,
  kind: DocumentKind,
  key: string,
  version: number,
  opts: { action?: string } = {},
): Promise<{ key: string; version: number; before: string | null }> {
  const done = await runCommand(ctx, { permission: 'policy.write' }, async ({ tx, audit, now }) => {
    const row = await repo.findVersion(tx, kind.kind, key, version, { lock: true });
    if (!row) throw notFound(kind);
    const problems = kind.check(row.definition, key);
    if (problems.length) refuse(problems);
    const before = await repo.findActive(tx, kind.kind, kind.inForce === 'kind' ? undefined : key);
    if (row.status === 'draft') {
      await repo.updateDraft(tx, kind.kind, key, version, kind.normalise(row.definition, key, version), row.note);
    }
    await repo.deactivate(tx, kind.kind, kind.inForce === 'kind' ? undefined : key);
    await repo.putInForce(tx, kind.kind, key, version, actorName(ctx), now);
    const action = opts.action ?? (row.status === 'draft' ? 'publish' : 'activate');
    await audit({
      entity: kind.auditEntity,
      entityId: kind.auditId(key, version),
      action,
      before: before ? { active: kind.auditId(before.key, before.version) } : null,
      after: { active: kind.auditId(key, version) },
    });
    return { key, version, before: before ? `${before.key}@${before.version}` : null };
  });
  invalidateDocuments(ctx.db);
  return done;
}

/**
 * Publishes a whole new version in one step (the metering policy and tariff pages send the
 * complete definition): checked, stored as the next version and put in force at once.
 */
export async function publishNew<T>(
  ctx: CommandContext,
  kind: DocumentKind<T>,
  key: string,
  definition: unknown,
  note?: string,
): Promise<{ key: string; version: number; definition: T }> {
  checkKey(kind, key);
  const problems = kind.check(definition, key);
  if (problems.length) refuse(problems);
  const done = await runCommand(ctx, { permission: 'policy.write' }, async ({ tx, audit, now }) => {
    const version = await repo.nextVersion(tx, kind.kind, key);
    const stored = kind.normalise(withIdentity(kind, definition, key, version), key, version);
    const after = kind.check(stored, key);
    if (after.length) refuse(after);
    const before = await repo.findActive(tx, kind.kind, kind.inForce === 'kind' ? undefined : key);
    await repo.deactivate(tx, kind.kind, kind.inForce === 'kind' ? undefined : key);
    await repo.insertVersion(tx, {
      kind: kind.kind,
      key,
      version,
      status: 'published',
      active: false,
      definition: stored,
      basedOn: before ? `${before.key}@${before.version}` : null,
      note: note ?? null,
      createdBy: ctx.actor?.id ?? null,
      createdName: actorName(ctx),
      publishedAt: now,
      publishedName: actorName(ctx),
    });
    await repo.putInForce(tx, kind.kind, key, version, actorName(ctx), now);
    await audit({ entity: kind.auditEntity, entityId: kind.auditId(key, version), action: 'publish', before: before?.definition ?? null, after: stored });
    return { key, version, definition: stored };
  });
  invalidateDocuments(ctx.db);
  return done;
}
