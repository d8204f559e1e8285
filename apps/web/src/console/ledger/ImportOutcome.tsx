// What became of an import: counts on success, otherwise the row-by-row report (R-LED-03, R-SYS-04).
// Ledger files name their columns from the ledger's template; other files (daily consumption) as
// the server names them.
import { LEDGER_COLUMNS, type ApiErrorField, type LedgerKind } from '@griddesk/shared';
import { Alert, Table, Typography, type TableColumnsType } from 'antd';
import { formatNumber } from '../../format';
import { useT } from '../../i18n';

export interface Outcome {
  status: 'succeeded' | 'rejected' | 'failed';
  inserted: number;
  updated: number;
  errors: ApiErrorField[];
  /** The server's own explanation when the upload itself was refused. */
  detail?: string;
}

export function ImportOutcome({ kind, outcome, successTitle }: { kind?: LedgerKind; outcome: Outcome; successTitle?: string }) {
  const t = useT();
  const { status, inserted, updated, errors } = outcome;
  return (
    <div data-testid="import-result" data-status={status} data-inserted={inserted} data-updated={updated} style={{ marginTop: 16 }}>
      {status === 'succeeded' ? (
        <Alert type="success" showIcon title={successTitle ?? t('import.succeeded', { inserted: formatNumber(inserted), updated: formatNumber(updated) })} />
      ) : (
        <Alert
          type="error"
          showIcon
          title={t(status === 'rejected' ? 'import.rejected' : 'import.failed')}
          description={outcome.detail ?? (errors.length > 0 ? t('import.rejectedDetail', { n: formatNumber(errors.length) }) : undefined)}
        />
      )}
      {errors.length > 0 && <ImportErrorTable kind={kind} errors={errors} />}
    </div>
  );
}

type ErrorRow = ApiErrorField & { key: number };

function ImportErrorTable({ kind, errors }: { kind?: LedgerKind; errors: ApiErrorField[] }) {
  const t = useT();
  const columnLabel = (field: string) => {
    const col = kind && LEDGER_COLUMNS[kind].find((c) => c.key === field);
    return col ? `${t(col)}（${field}）` : field;
  };
  const columns: TableColumnsType<ErrorRow> = [
    { title: t('import.row'), key: 'row', width: 80, render: (_, e) => e.row ?? e.record ?? '—' },
    { title: t('import.column'), dataIndex: 'field', render: (field: string) => columnLabel(field) },
    {
      title: t('import.value'),
      dataIndex: 'value',
      render: (v: string | undefined) => {
        if (v === undefined) return '—';
        if (v === '') return <Typography.Text type="secondary">{t('import.emptyValue')}</Typography.Text>;
        return <Typography.Text code>{v}</Typography.Text>;
      },
    },
    { title: t('import.reason'), key: 'reason', render: (_, e) => t({ zh: e.reasonZh, en: e.reason }) },
  ];
  return (
    <Table<ErrorRow>
      data-testid="import-errors"
      rowKey="key"
      size="small"
      style={{ marginTop: 12 }}
      columns={columns}
      dataSource={errors.map((e, i) => ({ ...e, key: i }))}
      pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
    />
  );
}
