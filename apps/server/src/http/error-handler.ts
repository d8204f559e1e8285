// Every error leaves as {"error":{"code","message","messageEn","fields"}} with a stable code.
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { ApiErrorField } from '@griddesk/shared';
import { AppError } from '../errors';
import { dbErrorToAppError } from '../platform/db-errors';

function schemaFields(err: FastifyError): ApiErrorField[] {
  return (err.validation ?? []).map((v) => {
    const path = (v.instancePath || '').replace(/^\//, '').replace(/\//g, '.');
    const missing = (v.params as { missingProperty?: string } | undefined)?.missingProperty;
    const name = path || missing || '';
    // Body fields are named plainly ('conclusion'); others keep their place ('querystring.limit').
    const field = err.validationContext === 'body' ? name || 'body' : [err.validationContext, name].filter(Boolean).join('.');
    return {
      field,
      reason: v.message ?? 'is invalid',
      reasonZh: missing ? '必填' : `格式不正确（${v.message ?? ''}）`,
    };
  });
}

export function errorHandler(err: FastifyError | AppError, req: FastifyRequest, reply: FastifyReply): void {
  if (err instanceof AppError) {
    void reply.status(err.status).send(err.toBody());
    return;
  }
  // a constraint or data error that escaped a command still answers 409/422, never 500
  const fromDb = dbErrorToAppError(err);
  if (fromDb) {
    void reply.status(fromDb.status).send(fromDb.toBody());
    return;
  }
  if (err.validation) {
    const fields = schemaFields(err);
    void reply
      .status(422)
      .send(
        new AppError(
          'validation_failed',
          `输入有误：${fields.map((f) => `${f.field} ${f.reasonZh}`).join('；')}`,
          `Invalid input: ${fields.map((f) => `${f.field} ${f.reason}`).join('; ')}`,
          fields,
        ).toBody(),
      );
    return;
  }
  if (err.statusCode === 429) {
    void reply.status(429).send(new AppError('rate_limited', '操作过于频繁，请稍后再试', 'Too many requests; please try again later').toBody());
    return;
  }
  if (err.code === 'FST_REQ_FILE_TOO_LARGE' || err.statusCode === 413) {
    void reply.status(413).send(new AppError('payload_too_large', '文件过大', 'The file is too large').toBody());
    return;
  }
  if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
    void reply.status(400).send(new AppError('bad_request', `请求无效：${err.message}`, `Bad request: ${err.message}`).toBody());
    return;
  }
  req.log.error({ err }, 'unhandled error');
  void reply.status(500).send(new AppError('internal', '系统内部错误，请稍后重试', 'Internal error; please try again').toBody());
}
