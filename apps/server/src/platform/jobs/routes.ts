// The jobs API: a user follows their own jobs (another's job is a 404, as if it did not exist) and
// downloads the file an export job produced.
import { CSV_CONTENT_TYPE, fileResponse, type JobFile, JobListQuery, JobPage, JobParams, JobView, XLSX_CONTENT_TYPE } from '@griddesk/shared';
import { Readable } from 'node:stream';
import { AppError, errors } from '../../errors';
import { actorOf, type App, type AppContext } from '../../http/context';
import { readJobFile } from './files';
import { findJobFor, listJobsFor, presentJob } from './repo';

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
        querystring: JobListQuery,
        response: { 200: JobPage },
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
        params: JobParams,
        response: { 200: JobView },
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
        params: JobParams,
        produces: [CSV_CONTENT_TYPE, XLSX_CONTENT_TYPE],
        response: { 200: fileResponse('The file, in the content type the job recorded (a ledger export: CSV or XLSX)', ['text/csv', XLSX_CONTENT_TYPE]) },
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
