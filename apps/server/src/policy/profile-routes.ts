// Commitment profiles (R-CMT-01) over HTTP, on the versioned-document module: a version is copied
// into a draft, edited, then put in force ("activated"); open cases keep the version they were
// opened under. Statuses keep the names the policy pages use: active (in force), retired
// (published, not in force), draft.
import { Type } from '@sinclair/typebox';
import type { CommitmentProfile } from '@griddesk/domain';
import { pageOf, ProfileDetail, ProfileRef, type ProfileStatus, ProfileSummary } from '@griddesk/shared';
import type { App, AppContext } from '../http/context';
import { commandContext } from '../platform/commands';
import { listVersions, type DocumentRow } from '../platform/documents/repo';
import { activate, createDraft, editDraft, notFound, versionOf } from '../platform/documents/service';
import { COMMITMENT_PROFILES } from './kinds/commitment-profiles';

const IdVersion = Type.Object({ id: Type.String({ pattern: '^[a-z0-9-]{1,40}$' }), version: Type.Integer({ minimum: 1, maximum: 2_147_483_647 }) });

function statusOf(r: DocumentRow): ProfileStatus {
  if (r.status === 'draft') return 'draft';
  return r.active ? 'active' : 'retired';
}

function summary(r: DocumentRow): ProfileSummary {
  const d = r.definition as Partial<CommitmentProfile>;
  return {
    id: r.key,
    version: r.version,
    status: statusOf(r),
    name: { zh: d.name?.zh ?? r.key, en: d.name?.en ?? r.key },
    authority: d.authority ?? '',
    basedOn: r.basedOn,
    createdAt: r.createdAt.toISOString(),
    activatedAt: r.status === 'draft' ? null : (r.publishedAt?.toISOString() ?? null),
    ruleCount: Array.isArray(d.rules) ? d.rules.length : 0,
  };
}

export function profileRoutes(app: App, ctx: AppContext): void {
  const db = ctx.database.db;

  app.get(
    '/api/policy/profiles',
    {
      config: { permission: 'signed-in' },
      schema: { tags: ['policy'], summary: 'Commitment profiles, every version', response: { 200: pageOf(ProfileSummary) } },
    },
    async () => {
      const items = (await listVersions(db, COMMITMENT_PROFILES.kind)).map(summary);
      return { items, total: items.length };
    },
  );

  app.get(
    '/api/policy/profiles/:id/:version',
    {
      config: { permission: 'signed-in' },
      schema: { tags: ['policy'], summary: 'One profile version with its definition', params: IdVersion, response: { 200: ProfileDetail } },
    },
    async (req) => {
      const r = await versionOf(db, COMMITMENT_PROFILES, req.params.id, req.params.version);
      if (!r) throw notFound(COMMITMENT_PROFILES);
      return { ...summary(r), definition: r.definition };
    },
  );

  app.post(
    '/api/policy/profiles/:id/:version/clone',
    {
      config: { permission: 'policy.write' },
      schema: {
        tags: ['policy'],
        summary: 'Clone a version into a new draft (same id, next version; or a new id)',
        params: IdVersion,
        body: Type.Object({ newId: Type.Optional(Type.String({ pattern: '^[a-z0-9-]{1,40}$' })) }),
        response: { 201: ProfileRef },
      },
    },
    async (req, reply) => {
      const created = await createDraft(commandContext(db, req), COMMITMENT_PROFILES, req.body.newId ?? req.params.id, {
        from: req.params.version,
        fromKey: req.params.id,
      });
      return reply.status(201).send({ id: created.key, version: created.version });
    },
  );

  app.put(
    '/api/policy/profiles/:id/:version',
    {
      config: { permission: 'policy.write' },
      schema: {
        tags: ['policy'],
        summary: 'Edit a draft profile',
        params: IdVersion,
        body: Type.Object({ definition: Type.Object({}, { additionalProperties: true }) }),
        response: { 200: ProfileRef },
      },
    },
    async (req) => {
      const done = await editDraft(commandContext(db, req), COMMITMENT_PROFILES, req.params.id, req.params.version, req.body.definition);
      return { id: done.key, version: done.version };
    },
  );

  app.post(
    '/api/policy/profiles/:id/:version/activate',
    {
      config: { permission: 'policy.write' },
      schema: {
        tags: ['policy'],
        summary: 'Activate a version for new cases; open cases keep theirs (R-CMT-01)',
        params: IdVersion,
        response: { 200: Type.Composite([ProfileRef, Type.Object({ status: Type.Literal('active') })]) },
      },
    },
    async (req) => {
      const done = await activate(commandContext(db, req), COMMITMENT_PROFILES, req.params.id, req.params.version, { action: 'activate' });
      return { id: done.key, version: done.version, status: 'active' as const };
    },
  );
}
