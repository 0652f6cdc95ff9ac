import { Button, Group, SegmentedControl, Text } from '@mantine/core';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { notifyError, notifySuccess } from '../../api/errors.ts';
import { qutab } from '../../api/trpc.ts';
import { ActionDialog } from '../../components/ActionDialog.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { useTableState } from '../../components/table-state.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useTenant } from '../../layout/tenant-context.ts';

const STATUSES = ['pending', 'processing', 'paid', 'failed'] as const;
type Status = (typeof STATUSES)[number];
type Decision = { kind: 'approve' | 'paid' | 'reject'; id: string };

/** Payout requests: approve (processing), mark paid with the transfer reference, or reject. */
export default function PayoutsPage() {
  const { t, money, dateTime } = useI18n();
  const tenant = useTenant();
  const trpc = qutab.useTRPC();
  const queryClient = useQueryClient();
  const labels = t.payouts;
  const table = useTableState<{ status: Status | 'all' }>({ filters: { status: 'pending' } });
  const [decision, setDecision] = useState<Decision | null>(null);

  const list = useQuery({
    ...trpc.admin.listPayouts.queryOptions({
      page: table.page,
      limit: 20,
      ...(table.filters.status !== 'all' && { status: table.filters.status }),
    }),
    placeholderData: keepPreviousData,
  });
  const onSuccess = async () => {
    notifySuccess(labels.updated);
    await queryClient.invalidateQueries({ queryKey: trpc.admin.listPayouts.pathKey() });
  };
  const onError = (error: unknown) => notifyError(t.common.error, error);
  const approve = useMutation(trpc.admin.approvePayout.mutationOptions({ onSuccess, onError }));
  const paid = useMutation(trpc.admin.markPayoutPaid.mutationOptions({ onSuccess, onError }));
  const reject = useMutation(trpc.admin.rejectPayout.mutationOptions({ onSuccess, onError }));
  const note = (value: string | undefined) => (value?.trim() ? { note: value.trim() } : {});

  return (
    <>
      <PageHeader title={labels.title} />
      <DataTable
        caption={labels.title}
        toolbar={
          <SegmentedControl
            aria-label={t.common.status}
            value={table.filters.status}
            onChange={(v) => table.setFilter('status', v as Status | 'all')}
            data={[
              ...STATUSES.map((s) => ({ value: s, label: labels.statuses[s] ?? s })),
              { value: 'all', label: t.common.all },
            ]}
          />
        }
        rows={list.data?.payouts}
        rowKey={(p) => p.id}
        page={table.page}
        pageCount={list.data?.pagination.total_pages ?? 1}
        total={list.data?.pagination.total}
        onPage={table.setPage}
        fetching={list.isFetching}
        error={list.error}
        onRetry={() => list.refetch()}
        columns={[
          { key: 'id', header: '#', render: (p) => p.id },
          {
            key: 'amount',
            header: labels.amount,
            numeric: true,
            render: (p) => money(p.amount, tenant.currency),
          },
          {
            key: 'account',
            header: labels.account,
            render: (p) => (
              <div>
                <Text size="sm">
                  {p.bank_name} {p.account_number_full}
                </Text>
                <Text size="xs" c="gray.7">
                  {p.account_holder_name}
                </Text>
              </div>
            ),
          },
          {
            key: 'status',
            header: t.common.status,
            render: (p) => <StatusBadge status={p.status} labels={labels.statuses} />,
          },
          {
            key: 'requested',
            header: labels.requested,
            render: (p) => dateTime(p.requested_at, tenant.timeZone),
          },
          {
            key: 'reference',
            header: labels.reference,
            render: (p) => p.transfer_reference ?? p.notes ?? '—',
          },
          {
            key: 'actions',
            header: t.common.actions,
            render: (p) => (
              <Group gap="xs" wrap="nowrap">
                {p.status === 'pending' && (
                  <Button size="xs" onClick={() => setDecision({ kind: 'approve', id: p.id })}>
                    {labels.approve}
                  </Button>
                )}
                {p.status === 'processing' && (
                  <Button size="xs" color="teal.8" onClick={() => setDecision({ kind: 'paid', id: p.id })}>
                    {labels.markPaid}
                  </Button>
                )}
                {(p.status === 'pending' || p.status === 'processing') && (
                  <Button
                    size="xs"
                    color="red"
                    variant="outline"
                    onClick={() => setDecision({ kind: 'reject', id: p.id })}
                  >
                    {labels.reject}
                  </Button>
                )}
              </Group>
            ),
          },
        ]}
      />
      <ActionDialog
        opened={decision?.kind === 'approve'}
        onClose={() => setDecision(null)}
        title={labels.approveTitle}
        message={labels.approveText}
        confirmLabel={labels.approve}
        fields={[{ name: 'note', label: t.common.note }]}
        onConfirm={(values) => approve.mutateAsync({ id: Number(decision!.id), ...note(values.note) })}
      />
      <ActionDialog
        opened={decision?.kind === 'paid'}
        onClose={() => setDecision(null)}
        title={labels.paidTitle}
        confirmLabel={labels.markPaid}
        fields={[
          { name: 'reference', label: labels.reference, required: true },
          { name: 'note', label: t.common.note },
        ]}
        onConfirm={(values) =>
          paid.mutateAsync({
            id: Number(decision!.id),
            transfer_reference: values.reference!.trim(),
            ...note(values.note),
          })
        }
      />
      <ActionDialog
        opened={decision?.kind === 'reject'}
        onClose={() => setDecision(null)}
        title={labels.rejectTitle}
        message={labels.rejectText}
        confirmLabel={labels.reject}
        danger
        fields={[{ name: 'reason', label: t.common.reason, required: true, multiline: true }]}
        onConfirm={(values) =>
          reject.mutateAsync({ id: Number(decision!.id), reason: values.reason!.trim() })
        }
      />
    </>
  );
}
