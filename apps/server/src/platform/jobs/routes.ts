// The jobs API: a user follows their own jobs (another's job is a 404, as if it did not exist) and
// downloads the file an export job produced.
import type { JobFile } from '@griddesk/shared';
import { Type } from '@sinclair/typebox';
import { Readable } from 'node:stream';
import { AppError, errors } from '../../errors';
import { actorOf, type App, type AppContext } from '../../http/context';
import { readJobFile } from './files';
import { findJobFor, listJobsFor, presentJob } from './repo';
import { JobListSchema, JobViewSchema } from './schemas';

const notFound = () => errors.notFound({ zh: '任务', en: 'Job' });

export function jobRoutes(app: App, ctx: AppContext): void {
  const db = ctx.database.db;

  app.get(
    '/api/jobs',
    {
      config: { permission: 'signed-in' },
      schema: {
        tags: ['jobs'],
        summary: 'The caller’s recent jobs, newest first',
        querystring: Type.Object({
          kind: Type.Optional(Type.String({ maxLength: 64 })),
          limit: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
          offset: Type.Integer({ minimum: 0, default: 0 }),
        }),
        response: { 200: JobListSchema },
      },
    },
    async (req) => listJobsFor(db, actorOf(req).id, { kind: req.query.kind }, req.query.limit, req.query.offset),
  );

  app.get(
    '/api/jobs/:id',
    {
      config: { permission: 'signed-in' },
      schema: {
        tags: ['jobs'],
        summary: 'Status, progress and the result or error of one of the caller’s jobs',
        params: Type.Object({ id: Type.Integer({ minimum: 1 }) }),
        response: { 200: JobViewSchema },
      },
    },
    async (req) => {
      const job = await findJobFor(db, req.params.id, actorOf(req).id);
      if (!job) throw notFound();
      return presentJob(job);
    },
  );

  app.get(
    '/api/jobs/:id/file',
    {
      config: { permission: 'signed-in' },
      schema: {
        tags: ['jobs'],
        summary: 'The file a finished job produced (an export), as an attachment',
        params: Type.Object({ id: Type.Integer({ minimum: 1 }) }),
        produces: ['application/octet-stream'],
        response: { 200: Type.Unsafe<unknown>({ type: 'string', format: 'binary', description: 'the file' }) },
      },
    },
    async (req, reply) => {
      const job = await findJobFor(db, req.params.id, actorOf(req).id);
      if (!job) throw notFound();
      const file = (job.result as { file?: JobFile } | null)?.file;
      if (job.status !== 'succeeded' || !file) {
        throw new AppError('conflict', '该任务尚未完成或没有生成文件', 'This job has not finished, or produced no file');
      }
      const ascii = file.name.replace(/[^\x20-\x7e]/g, '_').replace(/"/g, '');
      return reply
        .header('content-type', file.contentType)
        .header('content-length', String(file.bytes))
        .header('content-disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.name)}`)
        .send(Readable.from(readJobFile(db, job.id, 'output')));
    },
  );
}
