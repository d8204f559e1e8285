// The versions of one rule document, the one in force marked; an administrator puts an earlier
// version back in force.
import type { DocumentVersionSummary } from '@griddesk/shared';
import { App, Button, Popconfirm, Table, Tag, type TableColumnsType } from 'antd';
import { errorMessage } from '../../api';
import { formatDateTime } from '../../format';
import { type MsgKey, useT } from '../../i18n';
import { useCan } from '../auth/useCan';
import { useRestore } from './useDocuments';

export function DocumentVersions({ kind, versions, loading }: { kind: string; versions: DocumentVersionSummary[]; loading: boolean }) {
  const t = useT();
  const { message } = App.useApp();
  const canEdit = useCan('policy.write');
  const restore = useRestore(kind);
  const columns: TableColumnsType<DocumentVersionSummary> = [
    {
      title: t('rules.version'),
      dataIndex: 'version',
      render: (v: number, r) => (
        <>
          {v} {r.active && <Tag color="green">{t('rules.inForce')}</Tag>}
        </>
      ),
    },
    { title: t('rules.status'), dataIndex: 'status', render: (s: string) => t(`rules.status.${s}` as MsgKey) },
    { title: t('rules.note'), dataIndex: 'note', responsive: ['md'], render: (v: string | null) => v ?? '—' },
    {
      title: t('rules.by'),
      dataIndex: 'publishedBy',
      responsive: ['md'],
      render: (v: string | null, r) => (v === 'system' ? t('rules.shipped') : (v ?? r.createdBy)),
    },
    { title: t('rules.at'), dataIndex: 'publishedAt', render: (v: string | null) => formatDateTime(v) },
    ...(canEdit
      ? [
          {
            key: 'ops',
            render: (_: unknown, r: DocumentVersionSummary) =>
              !r.active &&
              r.status !== 'draft' && (
                <Popconfirm
                  title={t('rules.restoreConfirm', { version: r.version })}
                  onConfirm={() =>
                    restore.mutateAsync({ key: r.key, version: r.version }).then(
                      () => void message.success(t('rules.restored', { version: r.version })),
                      (e: unknown) => void message.error(errorMessage(e, t)),
                    )
                  }
                >
                  <Button size="small" data-testid={`restore-${kind}-${r.version}`}>
                    {t('rules.restore')}
                  </Button>
                </Popconfirm>
              ),
          },
        ]
      : []),
  ];
  return (
    <Table<DocumentVersionSummary>
      data-testid={`versions-${kind}`}
      rowKey={(r) => `${r.key}@${r.version}`}
      size="small"
      columns={columns}
      dataSource={versions}
      loading={loading}
      pagination={{ defaultPageSize: 5, hideOnSinglePage: true }}
      scroll={{ x: true }}
    />
  );
}
