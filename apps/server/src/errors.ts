// Stable error codes, one place mapping each to its HTTP status: a new code that is not mapped
// does not compile. Every error carries a Chinese and an English message.
import type { ApiErrorField } from '@griddesk/shared';

export const ERROR_STATUS = {
  // 422: the request was understood but a field's content is not acceptable
  validation_failed: 422,
  bad_request: 400,
  import_rejected: 422,
  unauthenticated: 401,
  invalid_credentials: 401,
  account_locked: 401,
  forbidden: 403,
  password_change_required: 403,
  // a state-changing request sent by a page of another site (issue 9 item 2)
  cross_origin_request: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_file: 415,
  rate_limited: 429,
  internal: 500,
} as const satisfies Record<string, number>;

export type ErrorCode = keyof typeof ERROR_STATUS;

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly messageZh: string,
    readonly messageEn: string,
    readonly fields: ApiErrorField[] = [],
  ) {
    super(messageEn);
  }
  get status(): number {
    return ERROR_STATUS[this.code];
  }
  toBody() {
    return { error: { code: this.code, message: this.messageZh, messageEn: this.messageEn, fields: this.fields } };
  }
}

export const errors = {
  unauthenticated: () => new AppError('unauthenticated', '请先登录', 'Please sign in first'),
  forbidden: () => new AppError('forbidden', '您没有执行此操作的权限', 'You are not allowed to do this'),
  crossOrigin: () =>
    new AppError(
      'cross_origin_request',
      '请求来自其他网站，已拒绝：只有本系统自己的页面可以提交修改',
      'Cross-site request refused: only pages of this site may change data',
    ),
  notFound: (what: { zh: string; en: string }) =>
    new AppError('not_found', `${what.zh}不存在或不在您的管辖范围内`, `${what.en} not found, or outside your organisation`),
  invalidCredentials: () => new AppError('invalid_credentials', '用户名或密码不正确', 'Wrong username or password'),
  validation: (fields: ApiErrorField[]) =>
    new AppError(
      'validation_failed',
      `输入有误：${fields.map((f) => `${f.field} ${f.reasonZh}`).join('；')}`,
      `Invalid input: ${fields.map((f) => `${f.field} ${f.reason}`).join('; ')}`,
      fields,
    ),
};
