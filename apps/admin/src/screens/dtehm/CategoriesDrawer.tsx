import { Button, Drawer, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { notifyError, notifySuccess } from '../../api/errors.ts';
import { dtehm } from '../../api/trpc.ts';
import { ActionDialog } from '../../components/ActionDialog.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { useTableState } from '../../components/table-state.ts';
import { useI18n } from '../../i18n/i18n.tsx';

/** The catalog's categories (searched and paged by the server), each deletable once it holds no product. */
export function CategoriesDrawer({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t, number } = useI18n();
  const trpc = dtehm.useTRPC();
  const queryClient = useQueryClient();
  const labels = t.dtehm.categories;
  const table = useTableState<{ search: string }>({ filters: { search: '' } });
  const [search] = useDebouncedValue(table.filters.search.trim(), 300);
  const [deleting, setDeleting] = useState<{ id: number; name: string } | null>(null);
  const list = useQuery({
    ...trpc.admin.categories.queryOptions({ page: table.page, per_page: 20, ...(search && { search }) }),
    enabled: opened,
    placeholderData: keepPreviousData,
  });
  const remove = useMutation(
    trpc.admin.deleteCategory.mutationOptions({
      onSuccess: async () => {
        notifySuccess(labels.deleted);
        await Promise.all([
          queryClient.invalidateQueries({ queryKey: trpc.admin.categories.pathKey() }),
          queryClient.invalidateQueries({ queryKey: trpc.products.categories.pathKey() }),
        ]);
      },
      onError: (error) => notifyError(t.common.error, error),
    }),
  );

  return (
    <Drawer opened={opened} onClose={onClose} position="right" size="lg" title={labels.title}>
      <DataTable
        caption={labels.title}
        toolbar={
          <TextInput
            label={t.common.search}
            leftSection={<IconSearch size={16} aria-hidden />}
            value={table.filters.search}
            onChange={(e) => table.setFilter('search', e.currentTarget.value)}
            w={260}
          />
        }
        rows={list.data?.categories}
        rowKey={(c) => String(c.id)}
        page={table.page}
        pageCount={list.data?.pagination.last_page ?? 1}
        total={list.data?.pagination.total}
        onPage={table.setPage}
        fetching={list.isFetching}
        error={list.error}
        onRetry={() => list.refetch()}
        columns={[
          { key: 'name', header: labels.name, render: (c) => c.name },
          { key: 'products', header: labels.products, numeric: true, render: (c) => number(c.product_count) },
          {
            key: 'actions',
            header: t.common.actions,
            render: (c) => (
              <Button
                size="xs"
                variant="light"
                color="red"
                onClick={() => setDeleting({ id: c.id, name: c.name })}
                aria-label={labels.deleteLabel(c.name)}
              >
                {labels.delete}
              </Button>
            ),
          },
        ]}
      />
      {deleting && (
        <ActionDialog
          opened
          onClose={() => setDeleting(null)}
          title={labels.deleteTitle(deleting.name)}
          message={labels.deleteMessage}
          confirmLabel={labels.delete}
          danger
          onConfirm={() => remove.mutateAsync({ id: deleting.id })}
        />
      )}
    </Drawer>
  );
}
