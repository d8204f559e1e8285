// Evidence on a case (R-CASE-04: a closed loop with evidence): photos and documents, limited in
// size and type. The type is decided by the file's first bytes, not by its name or the browser.
import { ATTACHMENT_CONTENT_TYPES, CaseAttachment, CaseAttachmentPage, CaseAttachmentParams, fileResponse, IdParams } from '@griddesk/shared';
import { AppError, errors } from '../errors';
import { actorOf, type App, type AppContext } from '../http/context';
import { auditActor, writeAudit } from '../audit/write';
import { inForce } from '../platform/documents/service';
import { ATTACHMENT_LIMITS } from '../policy/kinds/limits';

const SIGNATURES: { type: string; test: (b: Buffer) => boolean }[] = [
  { type: 'image/jpeg', test: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  { type: 'image/png', test: (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) },
  { type: 'image/webp', test: (b) => b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP' },
  { type: 'application/pdf', test: (b) => b.subarray(0, 5).toString('latin1') === '%PDF-' },
];

export function sniffType(data: Buffer): string | null {
  return SIGNATURES.find((s) => s.test(data))?.type ?? null;
}

export function attachmentRoutes(app: App, ctx: AppContext): void {
  const db = ctx.database.db;

  async function caseInScope(caseId: number, stationIds: number[]) {
    const c = await db
      .selectFrom('cases')
      .select(['id'])
      .where('id', '=', caseId)
      .where('station_id', 'in', stationIds.length ? stationIds : [-1])
      .executeTakeFirst();
    if (!c) throw errors.notFound({ zh: '工单', en: 'Case' });
  }

  app.post(
    '/api/cases/:id/attachments',
    {
      config: { permission: 'cases.write' },
      schema: {
        tags: ['cases'],
        summary:
          'Attach a photo (JPEG/PNG/WebP) or PDF (multipart field `file`); size and count limited by the attachment-limits policy (10 MB, 50 per case by default)',
        consumes: ['multipart/form-data'],
        params: IdParams,
        response: { 201: CaseAttachment },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      await caseInScope(req.params.id, actor.stationIds);
      const limits = (await inForce(db, ATTACHMENT_LIMITS)).definition;
      const attached = await db
        .selectFrom('case_attachments')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('case_id', '=', req.params.id)
        .executeTakeFirstOrThrow();
      if (Number(attached.n) >= limits.maxPerCase) {
        throw new AppError('conflict', `每件工单最多 ${limits.maxPerCase} 个附件`, `A case carries at most ${limits.maxPerCase} attachments`, [
          { field: 'file', reason: `the case already has ${limits.maxPerCase} attachments`, reasonZh: `已有 ${limits.maxPerCase} 个附件` },
        ]);
      }
      const file = await req.file({ limits: { fileSize: limits.maxBytes } });
      if (!file) throw errors.validation([{ field: 'file', reason: 'is required', reasonZh: '必填' }]);
      const data = await file.toBuffer();
      const type = sniffType(data);
      if (!type) {
        throw new AppError('unsupported_file', '只能上传 JPEG、PNG、WebP 图片或 PDF 文件', 'Only JPEG, PNG or WebP photos and PDF documents can be attached', [
          { field: 'file', value: file.filename, reason: 'is not a JPEG, PNG, WebP or PDF file', reasonZh: '不是 JPEG、PNG、WebP 或 PDF 文件' },
        ]);
      }
      const row = await db.transaction().execute(async (tx) => {
        const r = await tx
          .insertInto('case_attachments')
          .values({ case_id: req.params.id, filename: file.filename.slice(0, 200), content_type: type, size_bytes: data.length, data, uploaded_by: actor.id })
          .returning(['id', 'uploaded_at'])
          .executeTakeFirstOrThrow();
        await writeAudit(tx, auditActor(actor), {
          entity: 'case',
          entityId: req.params.id,
          action: 'attach',
          after: { attachmentId: r.id, filename: file.filename, type, bytes: data.length },
        });
        return r;
      });
      return reply.status(201).send({
        id: row.id,
        filename: file.filename.slice(0, 200),
        contentType: type,
        sizeBytes: data.length,
        uploadedAt: row.uploaded_at.toISOString(),
        uploadedBy: actor.displayName,
      });
    },
  );

  app.get(
    '/api/cases/:id/attachments',
    {
      config: { permission: 'cases.read' },
      schema: { tags: ['cases'], summary: 'Attachments of a case, oldest first', params: IdParams, response: { 200: CaseAttachmentPage } },
    },
    async (req) => {
      const actor = actorOf(req);
      await caseInScope(req.params.id, actor.stationIds);
      const rows = await db
        .selectFrom('case_attachments as a')
        .leftJoin('users as u', 'u.id', 'a.uploaded_by')
        .select(['a.id', 'a.filename', 'a.content_type', 'a.size_bytes', 'a.uploaded_at', 'u.display_name as uploaded_by'])
        .where('a.case_id', '=', req.params.id)
        .orderBy('a.id')
        .execute();
      const items = rows.map((r) => ({
        id: r.id,
        filename: r.filename,
        contentType: r.content_type,
        sizeBytes: r.size_bytes,
        uploadedAt: r.uploaded_at.toISOString(),
        uploadedBy: r.uploaded_by,
      }));
      return { items, total: items.length };
    },
  );

  app.get(
    '/api/cases/:id/attachments/:attachmentId',
    {
      config: { permission: 'cases.read' },
      schema: {
        tags: ['cases'],
        summary: 'Download an attachment, in the type its first bytes showed',
        params: CaseAttachmentParams,
        produces: [...ATTACHMENT_CONTENT_TYPES],
        response: { 200: fileResponse('The photo or PDF, shown inline', ATTACHMENT_CONTENT_TYPES) },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      await caseInScope(req.params.id, actor.stationIds);
      const a = await db
        .selectFrom('case_attachments')
        .select(['filename', 'content_type', 'data'])
        .where('id', '=', req.params.attachmentId)
        .where('case_id', '=', req.params.id)
        .executeTakeFirst();
      if (!a) throw errors.notFound({ zh: '附件', en: 'Attachment' });
      return reply
        .header('content-type', a.content_type)
        .header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(a.filename)}`)
        .header('x-content-type-options', 'nosniff')
        .send(a.data);
    },
  );
}
