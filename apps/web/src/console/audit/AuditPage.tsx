import { SearchOutlined } from '@ant-design/icons';
import type { AuditEntry, AuditQuery } from '@griddesk/shared';
import { AutoComplete, Button, Card, DatePicker, Form, Input, Space, Table, Typography, type TableColumnsType } from 'antd';
import type { Dayjs } from 'dayjs';
import { formatDateTime, stationDayRange } from '../../format';
import { lookup, useT } from '../../i18n';
import { PageHeader } from '../PageHeader';
import { QueryError } from '../QueryError';
import { usePagedList } from '../usePagedList';
import { AuditDiff } from './AuditDiff';
import { AUDIT_ENTITY_LABELS, KNOWN_AUDIT_ACTIONS, auditActionLabel } from './labels';

type AuditFilters = Pick<AuditQuery, 'entity' | 'action' | 'actorName' | 'from' | 'to'>;

interface FilterForm {
  entity?: string;
  action?: string;
  actorName?: string;
  period?: [Dayjs, Dayjs] | null;
}

const blankToUndefined = (v: string | undefined) => v?.trim() || undefined;

export function AuditPage() {
  const t = useT();
  const [form] = Form.useForm<FilterForm>();
  const list = usePagedList<AuditEntry, AuditFilters>('/api/audit', {}, 50);

  const apply = (v: FilterForm) => {
    const range = v.period ? stationDayRange(v.period[0].format('YYYY-MM-DD'), v.period[1].format('YYYY-MM-DD')) : undefined;
    list.setFilters({
      entity: blankToUndefined(v.entity),
      action: blankToUndefined(v.action),
      actorName: blankToUndefined(v.actorName),
      from: range?.from,
      to: range?.to,
    });
  };

  // Filters match codes exactly, so offer the known ones with their readable names.
  const entityOptions = Object.entries(AUDIT_ENTITY_LABELS).map(([code, label]) => ({ value: code, label: `${t(label)}（${code}）` }));
  const actionOptions = KNOWN_AUDIT_ACTIONS.map((code) => ({ value: code, label: `${t(auditActionLabel(code))}（${code}）` }));

  const columns: TableColumnsType<AuditEntry> = [
    { title: t('audit.at'), dataIndex: 'at', width: 160, render: (at: string) => formatDateTime(at) },
    { title: t('audit.actor'), dataIndex: 'actorName' },
    { title: t('audit.entity'), dataIndex: 'entity', render: (e: string) => t(lookup(AUDIT_ENTITY_LABELS, e)) },
    { title: t('audit.entityId'), dataIndex: 'entityId', render: (id: string | null) => id ?? '—' },
    {
      title: t('audit.action'),
      dataIndex: 'action',
      render: (a: string) => (
        <Space size={6}>
          {t(auditActionLabel(a))}
          <Typography.Text type="secondary" code>
            {a}
          </Typography.Text>
        </Space>
      ),
    },
  ];

  return (
    <>
      <PageHeader title={t('audit.title')} rules={['R-SYS-02', 'R-SYS-03']} />
      <Typography.Paragraph type="secondary">{t('audit.appendOnly')}</Typography.Paragraph>
      {list.query.isError && <QueryError error={list.query.error} onRetry={() => void list.query.refetch()} />}
      <Card>
        <Form<FilterForm> form={form} layout="inline" onFinish={apply} style={{ rowGap: 12, marginBottom: 16 }}>
          <Form.Item name="entity" label={t('audit.entity')}>
            <AutoComplete allowClear options={entityOptions} style={{ width: 200 }} />
          </Form.Item>
          <Form.Item name="action" label={t('audit.action')}>
            <AutoComplete allowClear options={actionOptions} style={{ width: 220 }} />
          </Form.Item>
          <Form.Item name="actorName" label={t('audit.actor')}>
            <Input allowClear style={{ width: 140 }} />
          </Form.Item>
          <Form.Item name="period" label={t('audit.period')}>
            <DatePicker.RangePicker />
          </Form.Item>
          <Form.Item>
            <Space>
              <Button type="primary" htmlType="submit" icon={<SearchOutlined />}>
                {t('common.search')}
              </Button>
              <Button
                onClick={() => {
                  form.resetFields();
                  apply({});
                }}
              >
                {t('common.reset')}
              </Button>
            </Space>
          </Form.Item>
        </Form>
        <Table<AuditEntry>
          data-testid="audit-table"
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={list.rows}
          loading={list.query.isFetching}
          pagination={list.pagination}
          expandable={{ expandedRowRender: (entry) => <AuditDiff before={entry.before} after={entry.after} /> }}
          scroll={{ x: 'max-content' }}
        />
      </Card>
    </>
  );
}
