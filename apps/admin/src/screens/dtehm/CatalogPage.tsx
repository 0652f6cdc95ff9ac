import { Select, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { dtehm } from '../../api/trpc.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useTableState } from '../../components/table-state.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useTenant } from '../../layout/tenant-context.ts';

/** The network's products as members see them: search, category and sort on the server. */
export default function CatalogPage() {
  const { t, money, number, date } = useI18n();
  const tenant = useTenant();
  const trpc = dtehm.useTRPC();
  const labels = t.catalog;
  const table = useTableState<{ search: string; category: string | null }>({
    filters: { search: '', category: null },
    sort: { key: 'created_at', order: 'desc' },
  });
  const [search] = useDebouncedValue(table.filters.search.trim(), 300);
  const categories = useQuery(trpc.products.categories.queryOptions());
  const list = useQuery({
    ...trpc.products.list.queryOptions({
      page: table.page,
      per_page: 20,
      ...(search && { search }),
      ...(table.filters.category && { category_id: Number(table.filters.category) }),
      sort_by: (table.sort?.key ?? 'created_at') as 'name' | 'price' | 'created_at',
      sort_order: table.sort?.order ?? 'desc',
    }),
    placeholderData: keepPreviousData,
  });

  return (
    <>
      <PageHeader title={labels.title} />
      <DataTable
        caption={labels.title}
        toolbar={
          <>
            <TextInput
              label={t.common.search}
              leftSection={<IconSearch size={16} aria-hidden />}
              value={table.filters.search}
              onChange={(e) => table.setFilter('search', e.currentTarget.value)}
              w={260}
            />
            <Select
              label={labels.category}
              placeholder={t.common.all}
              clearable
              data={(categories.data ?? []).map((c) => ({ value: String(c.id), label: c.name }))}
              value={table.filters.category}
              onChange={(v) => table.setFilter('category', v)}
              w={220}
            />
          </>
        }
        rows={list.data?.products}
        rowKey={(p) => String(p.id)}
        page={table.page}
        pageCount={list.data?.pagination.last_page ?? 1}
        total={list.data?.pagination.total}
        onPage={table.setPage}
        sort={table.sort}
        onSort={table.setSort}
        fetching={list.isFetching}
        error={list.error}
        onRetry={() => list.refetch()}
        columns={[
          { key: 'name', header: labels.product, sortKey: 'name', render: (p) => p.name },
          { key: 'category', header: labels.category, render: (p) => p.category_name ?? '—' },
          {
            key: 'price',
            header: labels.price,
            sortKey: 'price',
            numeric: true,
            render: (p) => money(p.price, tenant.currency),
          },
          { key: 'stock', header: labels.stock, numeric: true, render: (p) => number(p.stock_quantity) },
          {
            key: 'created',
            header: t.platform.created,
            sortKey: 'created_at',
            render: (p) => date(p.created_at, tenant.timeZone),
          },
        ]}
      />
    </>
  );
}
