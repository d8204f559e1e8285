// Server-side paging and filtering for list endpoints that answer `{items, total}` to `limit`/`offset`.
import type { Page } from '@griddesk/shared';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { TablePaginationConfig } from 'antd';
import { useCallback, useState } from 'react';
import { apiGet, type QueryParams } from '../api';
import { formatNumber } from '../format';
import { useT } from '../i18n';

export function usePagedList<T, F extends QueryParams>(path: string, initialFilters: F, initialPageSize = 20, options: { refetchInterval?: number } = {}) {
  const t = useT();
  const [filters, setFilterState] = useState<F>(initialFilters);
  const [page, setPage] = useState({ current: 1, pageSize: initialPageSize });

  const query = useQuery({
    queryKey: [path, filters, page.current, page.pageSize],
    queryFn: () => apiGet<Page<T>>(path, { ...filters, limit: page.pageSize, offset: (page.current - 1) * page.pageSize }),
    // Keeps the current rows on screen while the next page loads instead of flashing an empty table.
    placeholderData: keepPreviousData,
    ...(options.refetchInterval ? { refetchInterval: options.refetchInterval } : {}),
  });

  /** A new filter starts again from the first page. */
  const setFilters = useCallback((patch: Partial<F>) => {
    setFilterState((prev) => ({ ...prev, ...patch }));
    setPage((prev) => ({ ...prev, current: 1 }));
  }, []);

  const pagination: TablePaginationConfig = {
    current: page.current,
    pageSize: page.pageSize,
    total: query.data?.total ?? 0,
    showSizeChanger: true,
    pageSizeOptions: [10, 20, 50, 100],
    showTotal: (total) => t('common.total', { n: formatNumber(total) }),
    onChange: (current, pageSize) => setPage({ current: pageSize === page.pageSize ? current : 1, pageSize }),
  };

  return { filters, setFilters, query, rows: query.data?.items ?? [], pagination };
}
