// One rule document: the version in force, shown with its fields read-only; an administrator
// edits those fields and publishes them whole as the next version. The server checks every value
// and names the field; its reason shows under it.
import { EditOutlined } from '@ant-design/icons';
import type { DocumentKindView } from '@griddesk/shared';
import { App, Button, Card, Flex, Form, Input, Skeleton, Space, Typography } from 'antd';
import { type ReactNode, useEffect, useState } from 'react';
import { ApiErrorAlert, showFieldErrors } from '../../ApiErrorAlert';
import { useLang, useT } from '../../i18n';
import { useCan } from '../auth/useCan';
import { QueryError } from '../QueryError';
import { DocumentVersions } from './DocumentVersions';
import { usePublish, useVersion, useVersions } from './useDocuments';

interface Props {
  kind: DocumentKindView;
  intro?: ReactNode;
  /** the fields of the kind, read-only or not */
  fields: (readOnly: boolean, definition: Record<string, unknown>) => ReactNode;
}

type Json = Record<string, unknown>;

/** The form's values laid over the version they were edited from, so fields not on the form are kept. */
function overlay(base: unknown, edited: unknown): unknown {
  if (typeof base !== 'object' || base === null || Array.isArray(base) || typeof edited !== 'object' || edited === null || Array.isArray(edited)) {
    return edited === undefined ? base : edited;
  }
  const out: Json = { ...(base as Json) };
  for (const [k, v] of Object.entries(edited as Json)) out[k] = overlay((base as Json)[k], v);
  return out;
}

export function RuleCard({ kind, intro, fields }: Props) {
  const t = useT();
  const { lang } = useLang();
  const { message } = App.useApp();
  const canEdit = useCan('policy.write');
  const [editing, setEditing] = useState(false);
  const [form] = Form.useForm<{ definition: Json; note?: string }>();
  const versions = useVersions(kind.kind);
  const current = versions.data?.find((v) => v.active);
  const doc = useVersion(kind.kind, current?.key ?? 'default', current?.version);
  const publish = usePublish(kind.kind, current?.key ?? 'default');
  const definition = (doc.data?.definition ?? {}) as Json;
  // The form keeps its values across versions; whenever another version is shown (published or
  // put back), it shows that version's values, not the ones last typed.
  useEffect(() => {
    if (!editing && doc.data) form.setFieldsValue({ definition: doc.data.definition as Json, note: undefined });
  }, [doc.data, editing, form]);

  const onFinish = (v: { definition: Json; note?: string }) =>
    publish.mutate(
      { definition: overlay(definition, v.definition), note: v.note?.trim() || undefined },
      {
        onSuccess: (r) => {
          void message.success(t('rules.published', { version: r.version }));
          setEditing(false);
        },
        onError: (err) => showFieldErrors(form, err, lang),
      },
    );

  return (
    <Card
      data-testid={`rule-card-${kind.kind}`}
      title={
        <Space wrap>
          {t(kind.label)}
          {current && <Typography.Text type="secondary">{t('rules.current', { version: current.version })}</Typography.Text>}
        </Space>
      }
      style={{ marginBottom: 16 }}
    >
      {/* in the body, not the card's header, so the title keeps its room on a phone */}
      {canEdit && doc.data && !editing && (
        <Flex justify="flex-end" style={{ marginBottom: 12 }}>
          <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid={`rule-edit-${kind.kind}`}>
            {t('rules.edit')}
          </Button>
        </Flex>
      )}
      {intro}
      {versions.isError && <QueryError error={versions.error} onRetry={() => void versions.refetch()} />}
      {!doc.data ? (
        <Skeleton active paragraph={{ rows: 4 }} />
      ) : (
        <Form
          key={`${current?.version}-${editing}`}
          form={form}
          layout="vertical"
          initialValues={{ definition }}
          onFinish={onFinish}
          data-testid={`rule-form-${kind.kind}`}
        >
          {editing && <ApiErrorAlert error={publish.error} testId={`rule-error-${kind.kind}`} />}
          {fields(!editing, definition)}
          {editing && (
            <>
              <Form.Item name="note" label={t('rules.note')}>
                <Input.TextArea rows={2} maxLength={500} showCount />
              </Form.Item>
              <Space>
                <Button type="primary" htmlType="submit" loading={publish.isPending} data-testid={`rule-publish-${kind.kind}`}>
                  {t('rules.publish')}
                </Button>
                <Button onClick={() => setEditing(false)}>{t('rules.cancel')}</Button>
              </Space>
            </>
          )}
        </Form>
      )}
      <Typography.Title level={5} style={{ marginTop: 24 }}>
        {t('rules.versions')}
      </Typography.Title>
      <DocumentVersions kind={kind.kind} versions={versions.data ?? []} loading={versions.isFetching} />
    </Card>
  );
}
