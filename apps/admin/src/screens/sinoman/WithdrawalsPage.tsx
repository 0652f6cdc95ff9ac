import '@mantine/dates/styles.css';
import 'dayjs/locale/id';
import { Button, Group, Select, SimpleGrid, Text, TextInput } from '@mantine/core';
import { DatePickerInput, DatesProvider } from '@mantine/dates';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { notifyError, notifySuccess } from '../../api/errors.ts';
import { sinoman } from '../../api/trpc.ts';
import { ActionDialog } from '../../components/ActionDialog.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { StatCard } from '../../components/StatCard.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { useTableState } from '../../components/table-state.ts';
import { localDay } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useTenant } from '../../layout/tenant-context.ts';

const STATUSES = ['pending', 'processing', 'completed', 'failed', 'cancelled'] as const;
type Status = (typeof STATUSES)[number];

interface Picked {
  kind: 'complete' | 'reject';
  id: string;
  number: string;
  amount: number;
  bank: string;
}

/** Withdrawals members asked for, waiting ones first: complete (with the transfer reference) or reject. */
export default function WithdrawalsPage() {
  const { t, money, dateTime, number, language } = useI18n();
  const tenant = useTenant();
  const trpc = sinoman.useTRPC();
  const queryClient = useQueryClient();
  const labels = t.sinoman.withdrawals;
  const table = useTableState<{
    search: string;
    status: Status | null;
    range: [string | null, string | null];
  }>({ filters: { search: '', status: null, range: [null, null] } });
  const [search] = useDebouncedValue(table.filters.search.trim(), 300);
  const [picked, setPicked] = useState<Picked | null>(null);
  const [start, end] = table.filters.range;

  const list = useQuery({
    ...trpc.adminSavings.withdrawals.queryOptions({
      page: table.page,
      limit: 20,
      ...(search && { search }),
      ...(table.filters.status && { status: table.filters.status }),
      ...(start && { start_date: start, end_date: end ?? start }),
    }),
    placeholderData: keepPreviousData,
  });
  const decide = useMutation(
    trpc.adminSavings.decideWithdrawal.mutationOptions({
      onSuccess: async (_, input) => {
        notifySuccess(input.status === 'completed' ? labels.completed : labels.rejected);
        // the balances and reports move with the decision
        await queryClient.invalidateQueries({ queryKey: trpc.adminSavings.pathKey() });
        await queryClient.invalidateQueries({ queryKey: trpc.adminFinancial.pathKey() });
        await queryClient.invalidateQueries({ queryKey: trpc.adminMembers.pathKey() });
      },
      onError: (error) => notifyError(t.common.error, error),
    }),
  );
  const summary = list.data?.summary;

  return (
    <DatesProvider settings={{ locale: language }}>
      <PageHeader title={labels.title} />
      <SimpleGrid cols={{ base: 2, md: 4 }} mb="lg">
        <StatCard label={labels.waiting} value={summary ? number(summary.waiting_withdrawals) : '…'} />
        <StatCard
          label={labels.waitingAmount}
          value={summary ? money(summary.waiting_amount, tenant.currency) : '…'}
        />
      </SimpleGrid>
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
              w={260}
            />
            <Select
              label={t.common.status}
              placeholder={t.common.all}
              clearable
              data={STATUSES.map((s) => ({ value: s, label: t.report.statuses[s] ?? s }))}
              value={table.filters.status}
              onChange={(v) => table.setFilter('status', v as Status | null)}
              w={180}
            />
            <DatePickerInput
              type="range"
              label={labels.range}
              clearable
              value={table.filters.range}
              onChange={(v) => table.setFilter('range', v as [string | null, string | null])}
              maxDate={localDay(tenant.timeZone)}
              valueFormat="D MMM YYYY"
              w={260}
            />
          </>
        }
        rows={list.data?.withdrawals}
        rowKey={(w) => w.id}
        page={table.page}
        pageCount={list.data?.pagination.total_pages ?? 1}
        total={list.data?.pagination.total_items}
        onPage={table.setPage}
        fetching={list.isFetching}
        error={list.error}
        onRetry={() => list.refetch()}
        columns={[
          { key: 'number', header: labels.number, render: (w) => w.transaction_number },
          {
            key: 'member',
            header: labels.member,
            render: (w) =>
              w.member ? (
                <div>
                  <Text size="sm" fw={500}>
                    {w.member.full_name}
                  </Text>
                  <Text size="xs" c="gray.7">
                    {w.member.member_number}
                  </Text>
                </div>
              ) : (
                '—'
              ),
          },
          {
            key: 'account',
            header: labels.account,
            render: (w) => `${w.savings_account.savings_type.name} · ${w.savings_account.account_number}`,
          },
          {
            key: 'amount',
            header: labels.amount,
            numeric: true,
            render: (w) => money(w.amount, tenant.currency),
          },
          {
            key: 'bank',
            header: labels.bank,
            render: (w) =>
              w.bank_account ? (
                <div>
                  <Text size="sm">
                    {w.bank_account.bank_name} {w.bank_account.account_number}
                  </Text>
                  <Text size="xs" c="gray.7">
                    {w.bank_account.account_name}
                  </Text>
                </div>
              ) : (
                '—'
              ),
          },
          {
            key: 'status',
            header: t.common.status,
            render: (w) => <StatusBadge status={w.status} labels={t.report.statuses} />,
          },
          {
            key: 'requested',
            header: labels.requested,
            render: (w) => dateTime(w.requested_at, tenant.timeZone),
          },
          {
            key: 'processed',
            header: labels.processed,
            render: (w) =>
              w.processed_at ? (
                <div>
                  <Text size="sm">{dateTime(w.processed_at, tenant.timeZone)}</Text>
                  {(w.payment_reference || w.notes) && (
                    <Text size="xs" c="gray.7">
                      {w.payment_reference ?? w.notes}
                    </Text>
                  )}
                </div>
              ) : (
                '—'
              ),
          },
          {
            key: 'actions',
            header: t.common.actions,
            render: (w) =>
              (w.status === 'pending' || w.status === 'processing') && (
                <Group gap="xs" wrap="nowrap">
                  <Button
                    size="xs"
                    color="teal.9"
                    aria-label={`${labels.complete}: ${w.transaction_number}`}
                    onClick={() => setPicked({ kind: 'complete', ...pick(w) })}
                  >
                    {labels.complete}
                  </Button>
                  <Button
                    size="xs"
                    color="red"
                    variant="outline"
                    aria-label={`${labels.reject}: ${w.transaction_number}`}
                    onClick={() => setPicked({ kind: 'reject', ...pick(w) })}
                  >
                    {labels.reject}
                  </Button>
                </Group>
              ),
          },
        ]}
      />
      <ActionDialog
        opened={picked?.kind === 'complete'}
        onClose={() => setPicked(null)}
        title={labels.completeTitle(picked?.number ?? '')}
        message={picked && labels.completeText(money(picked.amount, tenant.currency), picked.bank)}
        confirmLabel={labels.complete}
        fields={[
          { name: 'reference', label: labels.reference, required: true },
          { name: 'note', label: t.common.note, multiline: true },
        ]}
        onConfirm={(values) =>
          decide.mutateAsync({
            transaction_id: picked!.id,
            status: 'completed',
            transfer_reference: values.reference!.trim(),
            ...(values.note?.trim() && { notes: values.note.trim() }),
          })
        }
      />
      <ActionDialog
        opened={picked?.kind === 'reject'}
        onClose={() => setPicked(null)}
        title={labels.rejectTitle(picked?.number ?? '')}
        message={picked && labels.rejectText(money(picked.amount, tenant.currency))}
        confirmLabel={labels.reject}
        danger
        fields={[{ name: 'reason', label: t.common.reason, required: true, multiline: true }]}
        onConfirm={(values) =>
          decide.mutateAsync({ transaction_id: picked!.id, status: 'rejected', notes: values.reason!.trim() })
        }
      />
    </DatesProvider>
  );
}

/** What a decision's dialog names: the withdrawal, its amount and where it is paid. */
function pick(w: {
  id: string;
  transaction_number: string;
  amount: number;
  bank_account: { bank_name: string; account_number: string; account_name: string } | null;
}) {
  const bank = w.bank_account
    ? `${w.bank_account.bank_name} ${w.bank_account.account_number} (${w.bank_account.account_name})`
    : '—';
  return { id: w.id, number: w.transaction_number, amount: w.amount, bank };
}
