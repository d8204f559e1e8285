// Errors of the org capability: every one names the field and gives the reason in Chinese and
// English (R-SYS-04). The message a person reads uses the field's label, never its code.
import type { ApiErrorField } from '@griddesk/shared';
import { AppError, type ErrorCode } from '../errors';

const LABELS: Record<string, { zh: string; en: string }> = {
  username: { zh: '用户名', en: 'Username' },
  displayName: { zh: '姓名', en: 'Name' },
  password: { zh: '密码', en: 'Password' },
  currentPassword: { zh: '当前密码', en: 'Current password' },
  newPassword: { zh: '新密码', en: 'New password' },
  unitId: { zh: '所属单位', en: 'Unit' },
  post: { zh: '岗位', en: 'Post' },
  roles: { zh: '角色', en: 'Roles' },
  badgeNo: { zh: '工号', en: 'Badge number' },
  phone: { zh: '电话', en: 'Phone' },
  onDuty: { zh: '在岗', en: 'On duty' },
  disabled: { zh: '停用', en: 'Disabled' },
  kind: { zh: '类型', en: 'Kind' },
  parentId: { zh: '上级单位', en: 'Parent unit' },
  code: { zh: '编码', en: 'Code' },
  name: { zh: '名称', en: 'Name' },
  nameEn: { zh: '英文名称', en: 'English name' },
  teamKind: { zh: '班组类型', en: 'Team kind' },
  address: { zh: '地址', en: 'Address' },
  serviceHours: { zh: '营业时间', en: 'Opening hours' },
  retired: { zh: '撤销', en: 'Retired' },
  file: { zh: '照片', en: 'Photo' },
  body: { zh: '请求内容', en: 'Request' },
};

const label = (field: string) => LABELS[field.split('.')[0]!] ?? { zh: field, en: field };

function describe(fields: ApiErrorField[]): { zh: string; en: string } {
  return {
    zh: fields.map((f) => `${label(f.field).zh}${f.reasonZh}`).join('；'),
    en: fields.map((f) => `${label(f.field).en} ${f.reason}`).join('; '),
  };
}

export function fieldsError(code: ErrorCode, fields: ApiErrorField[], lead?: { zh: string; en: string }): AppError {
  const d = describe(fields);
  return new AppError(code, lead ? `${lead.zh}：${d.zh}` : d.zh, lead ? `${lead.en}: ${d.en}` : d.en, fields);
}

/** 422: the content of one or more fields is not acceptable. */
export const invalid = (fields: ApiErrorField[]) => fieldsError('validation_failed', fields, { zh: '输入有误', en: 'Invalid input' });

/** 409: the request is well-formed but the state of the records refuses it. */
export const conflict = (field: string, reason: string, reasonZh: string) => fieldsError('conflict', [{ field, reason, reasonZh }]);

/** 403 naming the field the caller may not set so. */
export const forbiddenField = (field: string, reason: string, reasonZh: string) => fieldsError('forbidden', [{ field, reason, reasonZh }]);
