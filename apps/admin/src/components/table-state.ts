import { useState } from 'react';
import type { Sort } from './DataTable.tsx';

/** Page, sort and filters of a server-side list; a new filter or sort starts again at page 1. */
export function useTableState<Filters extends object>(initial: { filters: Filters; sort?: Sort }) {
  const [page, setPage] = useState(1);
  const [sort, setSortState] = useState<Sort | undefined>(initial.sort);
  const [filters, setFilters] = useState<Filters>(initial.filters);
  return {
    page,
    setPage,
    sort,
    setSort(next: Sort) {
      setSortState(next);
      setPage(1);
    },
    filters,
    setFilter<K extends keyof Filters>(key: K, value: Filters[K]) {
      setFilters((current) => ({ ...current, [key]: value }));
      setPage(1);
    },
  };
}
