import { Button, Group, Select, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { notifyError, notifySuccess } from '../../api/errors.ts';
import { dtehm } from '../../api/trpc.ts';
import { ActionDialog } from '../../components/ActionDialog.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useTableState } from '../../components/table-state.ts';
import { minorDigits } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useTenant } from '../../layout/tenant-context.ts';
import { CategoriesDrawer } from './CategoriesDrawer.tsx';
import { EMPTY_PRODUCT, ProductDialog, type ProductDraft } from './ProductDialog.tsx';

/**
 * The network's products as members see them (search, category and sort on the server), with the
 * admin procedures there are: new categories, new products, changes to a product.
 */
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
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<ProductDraft | null>(null);
  const [addingCategory, setAddingCategory] = useState(false);
  const [managingCategories, setManagingCategories] = useState(false);
  const categories = useQuery(trpc.products.categories.queryOptions());
  const categoryOptions = (categories.data ?? []).map((c) => ({ value: String(c.id), label: c.name }));
  const createCategory = useMutation(
    trpc.admin.createCategory.mutationOptions({
      onSuccess: async () => {
        notifySuccess(labels.categoryCreated);
        await queryClient.invalidateQueries({ queryKey: trpc.products.categories.pathKey() });
        await queryClient.invalidateQueries({ queryKey: trpc.admin.categories.pathKey() });
      },
      onError: (error) => notifyError(t.common.error, error),
    }),
  );
  const digits = 10 ** minorDigits(tenant.currency);
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
      <PageHeader title={labels.title}>
        <Group>
          <Button variant="default" onClick={() => setManagingCategories(true)}>
            {t.dtehm.categories.manage}
          </Button>
          <Button variant="default" onClick={() => setAddingCategory(true)}>
            {labels.newCategory}
          </Button>
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setDraft(EMPTY_PRODUCT)}>
            {labels.newProduct}
          </Button>
        </Group>
      </PageHeader>
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
              data={categoryOptions}
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
          {
            key: 'actions',
            header: t.common.actions,
            render: (p) => (
              <Button
                size="xs"
                variant="light"
                aria-label={`${labels.edit}: ${p.name}`}
                onClick={() =>
                  setDraft({
                    id: p.id,
                    name: p.name,
                    categoryId: p.category_id === null ? null : String(p.category_id),
                    price: p.price / digits,
                    stock: p.stock_quantity,
                    specifications: '',
                  })
                }
              >
                {labels.edit}
              </Button>
            ),
          },
        ]}
      />
      {draft && (
        <ProductDialog
          key={draft.id ?? 'new'}
          draft={draft}
          categories={categoryOptions}
          onClose={() => setDraft(null)}
        />
      )}
      <CategoriesDrawer opened={managingCategories} onClose={() => setManagingCategories(false)} />
      <ActionDialog
        opened={addingCategory}
        onClose={() => setAddingCategory(false)}
        title={labels.newCategory}
        confirmLabel={t.common.save}
        fields={[
          { name: 'name', label: t.common.name, required: true },
          { name: 'description', label: labels.description, multiline: true },
        ]}
        onConfirm={(values) =>
          createCategory.mutateAsync({
            name: values.name!.trim(),
            ...(values.description?.trim() && { description: values.description.trim() }),
          })
        }
      />
    </>
  );
}
