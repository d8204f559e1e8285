// The shared shape of the network ledger lists: a search box over a server-paged table.
import { Card, Input, Table, type TableColumnsType } from 'antd';
import { QueryError } from '../QueryError';
import { PageHeader } from '../PageHeader';
import { usePagedList } from '../usePagedList';

interface Props<T> {
  title: string;
  rules: string[];
  path: string;
  searchPlaceholder: string;
  columns: TableColumnsType<T>;
}

export function LedgerListPage<T extends { id: number }>({ title, rules, path, searchPlaceholder, columns }: Props<T>) {
  const list = usePagedList<T, { q: string }>(path, { q: '' });
  return (
    <>
      <PageHeader title={title} rules={rules} />
      {list.query.isError && <QueryError error={list.query.error} onRetry={() => void list.query.refetch()} />}
      <Card>
        <Input.Search
          data-testid="ledger-search"
          allowClear
          enterButton
          placeholder={searchPlaceholder}
          onSearch={(q) => list.setFilters({ q: q.trim() })}
          style={{ maxWidth: 360, marginBottom: 16 }}
        />
        <Table<T>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={list.rows}
          loading={list.query.isFetching}
          pagination={list.pagination}
          scroll={{ x: 'max-content' }}
        />
      </Card>
    </>
  );
}
