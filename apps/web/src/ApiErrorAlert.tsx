// A refused request shown where it happened: the server's message and, for 422, each field with
// its reason, in the reader's language (R-SYS-04).
import { Alert, type FormInstance } from 'antd';
import { ApiRequestError, errorMessage } from './api';
import { useLang, useT } from './i18n';

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
              <li key={`${f.field}-${i}`}>
                <code>{f.field}</code>：{lang === 'zh' ? f.reasonZh : f.reason}
              </li>
            ))}
          </ul>
        )
      }
      style={{ marginBottom: 16 }}
    />
  );
}

/** Puts a 422's field reasons under the form items of the same name; returns whether any matched. */
export function showFieldErrors(form: FormInstance, error: unknown, lang: 'zh' | 'en'): boolean {
  if (!(error instanceof ApiRequestError)) return false;
  const names = new Set(form.getFieldsError().map((f) => String(f.name.join('.'))));
  const matched = error.fields.filter((f) => names.has(f.field));
  form.setFields(matched.map((f) => ({ name: f.field, errors: [lang === 'zh' ? f.reasonZh : f.reason] })));
  return matched.length > 0;
}
