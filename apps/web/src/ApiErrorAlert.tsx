// A refused request shown where it happened: the server's message and, for 422, each field with
// its reason, in the reader's language (R-SYS-04); a field is named by its form label where known.
import { Alert, type FormInstance } from 'antd';
import { ApiRequestError, errorMessage } from './api';
import { useLang, useT } from './i18n';
import { FIELD_LABELS } from './messages/fields';

export function ApiErrorAlert({ error, testId }: { error: unknown; testId?: string }) {
  const t = useT();
  const { lang } = useLang();
  if (!error) return null;
  const fields = error instanceof ApiRequestError ? error.fields : [];
  return (
    <Alert
      type="error"
      showIcon
      data-testid={testId}
      title={errorMessage(error, t)}
      description={
        fields.length > 0 && (
          <ul style={{ margin: 0, paddingInlineStart: 20 }}>
            {fields.map((f, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: one field can be named by several problems, in a list that never reorders
              <li key={`${f.field}-${i}`}>
                {FIELD_LABELS[f.field]?.[lang] ?? <code>{f.field}</code>}
                {f.value !== undefined && <> “{f.value}”</>}：{lang === 'zh' ? f.reasonZh : f.reason}
              </li>
            ))}
          </ul>
        )
      }
      style={{ marginBottom: 16 }}
    />
  );
}

/**
 * Puts a 422's field reasons under the form items of the same name (`definition.lineLoss.target.area`
 * is the item named ['definition', 'lineLoss', 'target', 'area']); returns whether any matched.
 * A field named several times (one per unknown value) gets every reason, each with its value.
 */
export function showFieldErrors(form: FormInstance, error: unknown, lang: 'zh' | 'en'): boolean {
  if (!(error instanceof ApiRequestError)) return false;
  const items = new Map(form.getFieldsError().map((f) => [f.name.join('.'), f.name] as const));
  const reasons = new Map<string, string[]>();
  for (const f of error.fields) {
    if (!items.has(f.field)) continue;
    const reason = lang === 'zh' ? f.reasonZh : f.reason;
    reasons.set(f.field, [...(reasons.get(f.field) ?? []), f.value !== undefined ? `“${f.value}”：${reason}` : reason]);
  }
  form.setFields([...reasons].map(([field, errors]) => ({ name: items.get(field)!, errors })));
  return reasons.size > 0;
}
