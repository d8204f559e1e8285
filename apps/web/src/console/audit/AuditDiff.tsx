// Before and after side by side; top-level fields whose value changed are highlighted.
import { Col, Empty, Row, Space, Tag, Typography, theme } from 'antd';
import { useT } from '../../i18n';

type Json = unknown;

function isRecord(value: Json): value is Record<string, Json> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function changedKeys(before: Json, after: Json): Set<string> {
  const b = isRecord(before) ? before : {};
  const a = isRecord(after) ? after : {};
  const keys = new Set([...Object.keys(b), ...Object.keys(a)]);
  return new Set([...keys].filter((k) => JSON.stringify(b[k]) !== JSON.stringify(a[k])));
}

function JsonPane({ value, changed }: { value: Json; changed: Set<string> }) {
  const t = useT();
  const { token } = theme.useToken();
  if (value === null || value === undefined) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('common.none')} />;
  const pre = {
    margin: 0,
    padding: 12,
    background: token.colorFillQuaternary,
    borderRadius: token.borderRadius,
    fontSize: 12,
    whiteSpace: 'pre-wrap' as const,
    wordBreak: 'break-all' as const,
  };
  if (!isRecord(value)) return <pre style={pre}>{JSON.stringify(value, null, 2)}</pre>;
  return (
    <pre style={pre}>
      {'{\n'}
      {Object.entries(value).map(([key, v]) => (
        <div key={key} style={changed.has(key) ? { background: token.colorWarningBg } : undefined}>
          {`  ${JSON.stringify(key)}: ${JSON.stringify(v)}`}
        </div>
      ))}
      {'}'}
    </pre>
  );
}

export function AuditDiff({ before, after }: { before: Json; after: Json }) {
  const t = useT();
  const changed = changedKeys(before, after);
  return (
    <div data-testid="audit-diff">
      {changed.size > 0 && (
        <Space wrap size={4} style={{ marginBottom: 12 }}>
          <Typography.Text type="secondary">{t('audit.changed')}:</Typography.Text>
          {[...changed].map((k) => (
            <Tag key={k} color="gold">
              {k}
            </Tag>
          ))}
        </Space>
      )}
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Typography.Title level={5}>{t('audit.before')}</Typography.Title>
          <JsonPane value={before} changed={changed} />
        </Col>
        <Col xs={24} md={12}>
          <Typography.Title level={5}>{t('audit.after')}</Typography.Title>
          <JsonPane value={after} changed={changed} />
        </Col>
      </Row>
    </div>
  );
}
