// Every kind of policy document over one HTTP surface: list the kinds, read versions, make a
// draft, edit it, check it, put a version in force. Reading a kind needs its read permission;
// writing needs policy.write (checked in the commands).
import { Type } from '@sinclair/typebox';
import { DocumentKindView, DocumentProblem, DocumentRef, DocumentVersion, DocumentVersionSummary, pageOf } from '@griddesk/shared';
import type { FastifyRequest } from 'fastify';
import { errors } from '../../errors';
import { actorOf, type App, type AppContext } from '../../http/context';
import { commandContext } from '../commands';
import type { DocumentKind } from './kinds';
import { type DocumentRow, listVersions } from './repo';
import { activate, createDraft, editDraft, notFound, problemsOf, publishNew, versionOf } from './service';

const KindParam = Type.Object({ kind: Type.String({ pattern: '^[a-z-]{1,40}$' }) });
const KeyParams = Type.Composite([KindParam, Type.Object({ key: Type.String({ pattern: '^[A-Za-z0-9-]{1,40}$' }) })]);
const VersionParams = Type.Composite([KeyParams, Type.Object({ version: Type.Integer({ minimum: 1, maximum: 2_147_483_647 }) })]);

function summary(r: DocumentRow): DocumentVersionSummary {
  return {
    kind: r.kind,
    key: r.key,
    version: r.version,
    status: r.status,
    active: r.active,
    basedOn: r.basedOn,
    note: r.note,
    createdBy: r.createdName,
    createdAt: r.createdAt.toISOString(),
    publishedAt: r.publishedAt?.toISOString() ?? null,
    publishedBy: r.publishedName,
  };
}

export function documentRoutes(app: App, ctx: AppContext, kinds: readonly DocumentKind[]): void {
  const db = ctx.database.db;

  /** The kind named in the path, which the caller must be allowed to read. */
  function readable(req: FastifyRequest, name: string): DocumentKind {
    const kind = kinds.find((k) => k.kind === name);
    if (!kind) throw errors.notFound({ zh: '规则类别', en: 'Document kind' });
    const p = kind.readPermission;
    if (p !== 'signed-in' && p !== 'public' && !actorOf(req).permissions.includes(p)) throw errors.forbidden();
    return kind;
  }

  app.get(
    '/api/documents',
    {
      config: { permission: 'signed-in' },
      schema: { tags: ['documents'], summary: 'The kinds of versioned policy documents', response: { 200: pageOf(DocumentKindView) } },
    },
    async () => {
      const items = kinds.map((k) => ({ kind: k.kind, label: k.label, keyed: k.keyed, inForce: k.inForce, readPermission: k.readPermission }));
      return { items, total: items.length };
    },
  );

  app.get(
    '/api/documents/:kind',
    {
      config: { permission: 'signed-in' },
      schema: {
        tags: ['documents'],
        summary: 'Every version of a kind, newest first per key; the version in force marked',
        params: KindParam,
        querystring: Type.Object({ key: Type.Optional(Type.String({ maxLength: 40 })) }),
        response: { 200: pageOf(DocumentVersionSummary) },
      },
    },
    async (req) => {
      const kind = readable(req, req.params.kind);
      const items = (await listVersions(db, kind.kind, req.query.key)).map(summary);
      return { items, total: items.length };
    },
  );

  app.get(
    '/api/documents/:kind/:key/:version',
    {
      config: { permission: 'signed-in' },
      schema: { tags: ['documents'], summary: 'One version with its definition', params: VersionParams, response: { 200: DocumentVersion } },
    },
    async (req) => {
      const kind = readable(req, req.params.kind);
      const row = await versionOf(db, kind, req.params.key, req.params.version);
      if (!row) throw notFound(kind);
      return { ...summary(row), definition: row.definition };
    },
  );

  app.post(
    '/api/documents/:kind/:key',
    {
      config: { permission: 'policy.write' },
      schema: {
        tags: ['documents'],
        summary: 'Publish a whole new version in one step: checked, stored as the next version and in force at once',
        params: KeyParams,
        body: Type.Object({ definition: Type.Unknown(), note: Type.Optional(Type.String({ maxLength: 500 })) }, { additionalProperties: false }),
        response: { 201: DocumentRef },
      },
    },
    async (req, reply) => {
      const kind = readable(req, req.params.kind);
      const done = await publishNew(commandContext(db, req), kind, req.params.key, req.body.definition, req.body.note);
      return reply.status(201).send({ kind: kind.kind, key: done.key, version: done.version });
    },
  );

  app.post(
    '/api/documents/:kind/:key/drafts',
    {
      config: { permission: 'policy.write' },
      schema: {
        tags: ['documents'],
        summary: 'A new draft: a copy of a version (`from`), of the version in force, or the definition sent',
        params: KeyParams,
        body: Type.Object(
          {
            from: Type.Optional(Type.Integer({ minimum: 1, maximum: 2_147_483_647 })),
            fromKey: Type.Optional(Type.String({ pattern: '^[A-Za-z0-9-]{1,40}$' })),
            definition: Type.Optional(Type.Unknown()),
            note: Type.Optional(Type.String({ maxLength: 500 })),
          },
          { additionalProperties: false },
        ),
        response: { 201: DocumentRef },
      },
    },
    async (req, reply) => {
      const kind = readable(req, req.params.kind);
      const done = await createDraft(commandContext(db, req), kind, req.params.key, req.body);
      return reply.status(201).send({ kind: kind.kind, key: done.key, version: done.version });
    },
  );

  app.put(
    '/api/documents/:kind/:key/:version',
    {
      config: { permission: 'policy.write' },
      schema: {
        tags: ['documents'],
        summary: 'Edit a draft; the definition is checked and refused with its problems',
        params: VersionParams,
        body: Type.Object({ definition: Type.Unknown(), note: Type.Optional(Type.String({ maxLength: 500 })) }, { additionalProperties: false }),
        response: { 200: DocumentRef },
      },
    },
    async (req) => {
      const kind = readable(req, req.params.kind);
      const done = await editDraft(commandContext(db, req), kind, req.params.key, req.params.version, req.body.definition, req.body.note);
      return { kind: kind.kind, key: done.key, version: done.version };
    },
  );

  app.post(
    '/api/documents/:kind/:key/:version/check',
    {
      config: { permission: 'policy.write' },
      schema: {
        tags: ['documents'],
        summary: 'Check a version without publishing it',
        params: VersionParams,
        response: { 200: Type.Object({ ok: Type.Boolean(), problems: Type.Array(DocumentProblem) }) },
      },
    },
    async (req) => {
      const kind = readable(req, req.params.kind);
      const problems = await problemsOf(db, kind, req.params.key, req.params.version);
      return { ok: problems.length === 0, problems: problems.map((p) => ({ field: p.field, reason: p.reason, reasonZh: p.reasonZh })) };
    },
  );

  app.post(
    '/api/documents/:kind/:key/:version/publish',
    {
      config: { permission: 'policy.write' },
      schema: {
        tags: ['documents'],
        summary: 'Put a version in force: a draft is checked and published; an earlier version is put back (records keep theirs)',
        params: VersionParams,
        response: { 200: Type.Composite([DocumentRef, Type.Object({ before: Type.Union([Type.String(), Type.Null()]) })]) },
      },
    },
    async (req) => {
      const kind = readable(req, req.params.kind);
      const done = await activate(commandContext(db, req), kind, req.params.key, req.params.version);
      return { kind: kind.kind, key: done.key, version: done.version, before: done.before };
    },
  );
}
