import { Button, Group, Select, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { notifyError, notifySuccess } from '../../api/errors.ts';
import { ansania } from '../../api/trpc.ts';
import { ActionDialog } from '../../components/ActionDialog.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { useTableState } from '../../components/table-state.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useTenant } from '../../layout/tenant-context.ts';
import { VoucherDialog } from './VoucherDialog.tsx';
import { VoucherUsageDrawer } from './VoucherUsageDrawer.tsx';
import { type AdminVoucher, discountText } from './voucher-format.ts';

const STATES = ['active', 'scheduled', 'inactive', 'expired', 'used_up'] as const;
type State = (typeof STATES)[number];
const SORTS = ['newest', 'oldest', 'code', 'ending_soon', 'most_used'] as const;
type SortKey = (typeof SORTS)[number];

type Opened =
  | { kind: 'create' }
  | { kind: 'edit'; voucher: AdminVoucher }
  | { kind: 'usage'; voucher: AdminVoucher }
  | { kind: 'switch'; voucher: AdminVoucher; on: boolean };

/** The shop's vouchers: state, search and sort on the server; create, edit, switch off and on, usage. */
export default function VouchersPage() {
  const { t, money, date, number } = useI18n();
  const tenant = useTenant();
  const trpc = ansania.useTRPC();
  const queryClient = useQueryClient();
  const labels = t.ansania.vouchers;
  const table = useTableState<{ search: string; state: State | null; sort: SortKey }>({
    filters: { search: '', state: null, sort: 'newest' },
  });
  const [search] = useDebouncedValue(table.filters.search.trim(), 300);
  const [opened, setOpened] = useState<Opened | null>(null);
  const amount = (value: number) => money(value, tenant.currency);

  const list = useQuery({
    ...trpc.adminVouchers.list.queryOptions({
      page: table.page,
      limit: 20,
      status: table.filters.state ?? 'all',
      sort: table.filters.sort,
      ...(search && { search }),
    }),
    placeholderData: keepPreviousData,
  });
  const onSwitched = (on: boolean) => async () => {
    notifySuccess(on ? labels.reactivated : labels.deactivated);
    await queryClient.invalidateQueries({ queryKey: trpc.adminVouchers.pathKey() });
  };
  const onError = (error: unknown) => notifyError(t.common.error, error);
  const deactivate = useMutation(
    trpc.adminVouchers.deactivate.mutationOptions({ onSuccess: onSwitched(false), onError }),
  );
  const reactivate = useMutation(
    trpc.adminVouchers.reactivate.mutationOptions({ onSuccess: onSwitched(true), onError }),
  );
  const switching = opened?.kind === 'switch' ? opened : null;

  return (
    <>
      <PageHeader title={labels.title}>
        <Button
          leftSection={<IconPlus size={16} aria-hidden />}
          onClick={() => setOpened({ kind: 'create' })}
        >
          {labels.newVoucher}
        </Button>
      </PageHeader>
      <DataTable
        caption={labels.title}
        toolbar={
          <>
            <TextInput
              label={t.common.search}
              placeholder={labels.searchPlaceholder}
              leftSection={<IconSearch size={16} aria-hidden />}
              value={table.filters.search}
              onChange={(e) => table.setFilter('search', e.currentTarget.value)}
              w={240}
            />
            <Select
              label={t.common.status}
              placeholder={t.common.all}
              clearable
              data={STATES.map((s) => ({ value: s, label: labels.states[s] ?? s }))}
              value={table.filters.state}
              onChange={(v) => table.setFilter('state', v as State | null)}
              w={180}
            />
            <Select
              label={labels.sort}
              data={SORTS.map((s) => ({ value: s, label: labels.sorts[s] ?? s }))}
              value={table.filters.sort}
              onChange={(v) => v && table.setFilter('sort', v as SortKey)}
              allowDeselect={false}
              w={200}
            />
          </>
        }
        rows={list.data?.vouchers}
        rowKey={(v) => String(v.id)}
        page={table.page}
        pageCount={list.data?.pagination.totalPages ?? 1}
        total={list.data?.pagination.total}
        onPage={table.setPage}
        fetching={list.isFetching}
        error={list.error}
        onRetry={() => list.refetch()}
        columns={[
          {
            key: 'code',
            header: labels.code,
            render: (v) => (
              <div>
                <Text size="sm" fw={600} ff="monospace">
                  {v.code}
                </Text>
                <Text size="xs" c="gray.7">
                  {v.name}
                  {v.affiliate_id !== null && ` · ${labels.affiliate}`}
                </Text>
              </div>
            ),
          },
          {
            key: 'discount',
            header: labels.discount,
            render: (v) => discountText(v, (type) => labels.types[type] ?? type, amount),
          },
          {
            key: 'state',
            header: t.common.status,
            render: (v) => <StatusBadge status={v.state} labels={labels.states} />,
          },
          {
            key: 'used',
            header: labels.used,
            numeric: true,
            render: (v) =>
              `${number(v.used_count)} / ${v.usage_limit === null ? labels.unlimited : number(v.usage_limit)}`,
          },
          {
            key: 'period',
            header: labels.period,
            render: (v) =>
              v.start_date === null && v.end_date === null
                ? labels.always
                : `${date(v.start_date, tenant.timeZone) || '…'} – ${date(v.end_date, tenant.timeZone) || '…'}`,
          },
          {
            key: 'actions',
            header: t.common.actions,
            render: (v) => (
              <Group gap="xs" wrap="nowrap">
                <Button
                  size="xs"
                  variant="light"
                  aria-label={`${labels.usage}: ${v.code}`}
                  onClick={() => setOpened({ kind: 'usage', voucher: v })}
                >
                  {labels.usage}
                </Button>
                <Button
                  size="xs"
                  variant="default"
                  aria-label={`${labels.edit}: ${v.code}`}
                  onClick={() => setOpened({ kind: 'edit', voucher: v })}
                >
                  {labels.edit}
                </Button>
                <Button
                  size="xs"
                  variant="outline"
                  color={v.is_active ? 'red' : 'teal'}
                  aria-label={`${v.is_active ? labels.deactivate : labels.reactivate}: ${v.code}`}
                  onClick={() => setOpened({ kind: 'switch', voucher: v, on: !v.is_active })}
                >
                  {v.is_active ? labels.deactivate : labels.reactivate}
                </Button>
              </Group>
            ),
          },
        ]}
      />
      {(opened?.kind === 'create' || opened?.kind === 'edit') && (
        <VoucherDialog
          voucher={opened.kind === 'edit' ? opened.voucher : null}
          onClose={() => setOpened(null)}
        />
      )}
      <VoucherUsageDrawer
        voucherId={opened?.kind === 'usage' ? opened.voucher.id : null}
        onClose={() => setOpened(null)}
      />
      <ActionDialog
        opened={switching !== null}
        onClose={() => setOpened(null)}
        title={
          switching
            ? switching.on
              ? labels.reactivateTitle(switching.voucher.code)
              : labels.deactivateTitle(switching.voucher.code)
            : ''
        }
        message={switching?.on ? labels.reactivateText : labels.deactivateText}
        confirmLabel={switching?.on ? labels.reactivate : labels.deactivate}
        danger={switching?.on === false}
        onConfirm={() => {
          if (!switching) return Promise.resolve();
          const input = { id: switching.voucher.id };
          return switching.on ? reactivate.mutateAsync(input) : deactivate.mutateAsync(input);
        }}
      />
    </>
  );
}
