import { Button, Group, Select, Text } from '@mantine/core';
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

const STATUSES = [
  'pending_payment',
  'paid',
  'processing',
  'shipped',
  'delivered',
  'cancelled',
  'refunded',
] as const;
type Status = (typeof STATUSES)[number];
/** The one step forward from each status (the shop's status machine: paid → processing → shipped → delivered). */
const NEXT: Partial<Record<string, 'processing' | 'shipped' | 'delivered'>> = {
  paid: 'processing',
  processing: 'shipped',
  shipped: 'delivered',
};
const REFUNDABLE = new Set(['paid', 'processing', 'shipped', 'delivered']);
type Decision =
  | { kind: 'move'; number: string; to: 'processing' | 'shipped' | 'delivered' }
  | { kind: 'refund'; number: string }
  | { kind: 'tracking'; number: string; current: string | null };
/** Shipped orders whose tracking number may be corrected (the API's rule). */
const TRACKED = new Set(['shipped', 'delivered']);

/** The shop's orders: move each a step along (a tracking number when shipping) or refund it. */
export default function OrdersPage() {
  const { t, money, dateTime } = useI18n();
  const tenant = useTenant();
  const trpc = ansania.useTRPC();
  const queryClient = useQueryClient();
  const labels = t.orders;
  const table = useTableState<{ status: Status | null }>({ filters: { status: null } });
  const [decision, setDecision] = useState<Decision | null>(null);

  const list = useQuery({
    ...trpc.adminOrders.list.queryOptions({
      page: table.page,
      limit: 20,
      ...(table.filters.status && { status: table.filters.status }),
    }),
    placeholderData: keepPreviousData,
  });
  const onSuccess = async () => {
    notifySuccess(labels.updated);
    await queryClient.invalidateQueries({ queryKey: trpc.adminOrders.pathKey() });
  };
  const onError = (error: unknown) => notifyError(t.common.error, error);
  const move = useMutation(trpc.adminOrders.updateStatus.mutationOptions({ onSuccess, onError }));
  const refund = useMutation(trpc.adminOrders.refund.mutationOptions({ onSuccess, onError }));
  const setTracking = useMutation(
    trpc.adminOrders.setTracking.mutationOptions({
      onSuccess: async () => {
        notifySuccess(t.ansania.orderTracking.updated);
        await queryClient.invalidateQueries({ queryKey: trpc.adminOrders.pathKey() });
      },
      onError,
    }),
  );
  const statusLabel = (s: string) => labels.statuses[s] ?? s;

  return (
    <>
      <PageHeader title={labels.title} />
      <DataTable
        caption={labels.title}
        toolbar={
          <Select
            label={t.common.status}
            placeholder={t.common.all}
            clearable
            data={STATUSES.map((s) => ({ value: s, label: statusLabel(s) }))}
            value={table.filters.status}
            onChange={(v) => table.setFilter('status', v as Status | null)}
            w={220}
          />
        }
        rows={list.data?.orders}
        rowKey={(o) => o.order_number}
        page={table.page}
        pageCount={list.data?.pagination.totalPages ?? 1}
        total={list.data?.pagination.total}
        onPage={table.setPage}
        fetching={list.isFetching}
        error={list.error}
        onRetry={() => list.refetch()}
        columns={[
          { key: 'number', header: labels.number, render: (o) => o.order_number },
          {
            key: 'customer',
            header: labels.customer,
            render: (o) => (
              <div>
                <Text size="sm">{o.customer.name ?? '—'}</Text>
                <Text size="xs" c="gray.7">
                  {o.customer.email ?? o.customer.phone ?? ''}
                </Text>
              </div>
            ),
          },
          {
            key: 'status',
            header: t.common.status,
            render: (o) => <StatusBadge status={o.status} labels={labels.statuses} />,
          },
          {
            key: 'total',
            header: labels.total,
            numeric: true,
            render: (o) => money(o.total_amount, tenant.currency),
          },
          { key: 'tracking', header: labels.tracking, render: (o) => o.tracking_number ?? '—' },
          { key: 'placed', header: labels.placed, render: (o) => dateTime(o.created_at, tenant.timeZone) },
          {
            key: 'actions',
            header: t.common.actions,
            render: (o) => {
              const next = NEXT[o.status];
              return (
                <Group gap="xs" wrap="nowrap">
                  {next && (
                    <Button
                      size="xs"
                      onClick={() => setDecision({ kind: 'move', number: o.order_number, to: next })}
                    >
                      {labels.move} {statusLabel(next)}
                    </Button>
                  )}
                  {TRACKED.has(o.status) && (
                    <Button
                      size="xs"
                      variant="default"
                      onClick={() =>
                        setDecision({ kind: 'tracking', number: o.order_number, current: o.tracking_number })
                      }
                    >
                      {t.ansania.orderTracking.correct}
                    </Button>
                  )}
                  {REFUNDABLE.has(o.status) && (
                    <Button
                      size="xs"
                      color="red"
                      variant="outline"
                      onClick={() => setDecision({ kind: 'refund', number: o.order_number })}
                    >
                      {labels.refund}
                    </Button>
                  )}
                </Group>
              );
            },
          },
        ]}
      />
      <ActionDialog
        opened={decision?.kind === 'move'}
        onClose={() => setDecision(null)}
        title={decision?.kind === 'move' ? labels.moveTitle(decision.number, statusLabel(decision.to)) : ''}
        confirmLabel={t.common.confirm}
        fields={[
          ...(decision?.kind === 'move' && decision.to === 'shipped'
            ? [{ name: 'tracking', label: labels.tracking, required: true }]
            : []),
          { name: 'note', label: t.common.note },
        ]}
        onConfirm={(values) => {
          if (decision?.kind !== 'move') return Promise.resolve();
          return move.mutateAsync({
            order_number: decision.number,
            status: decision.to,
            ...(values.note?.trim() && { note: values.note.trim() }),
            ...(decision.to === 'shipped' && { tracking_number: values.tracking?.trim() ?? '' }),
          });
        }}
      />
      <ActionDialog
        opened={decision?.kind === 'tracking'}
        onClose={() => setDecision(null)}
        title={t.ansania.orderTracking.title(decision?.number ?? '')}
        message={decision?.kind === 'tracking' ? t.ansania.orderTracking.text(decision.current ?? '—') : ''}
        confirmLabel={t.common.save}
        fields={[
          { name: 'tracking', label: labels.tracking, required: true },
          { name: 'note', label: t.common.note },
        ]}
        onConfirm={(values) => {
          if (decision?.kind !== 'tracking') return Promise.resolve();
          return setTracking.mutateAsync({
            order_number: decision.number,
            tracking_number: values.tracking!.trim(),
            ...(values.note?.trim() && { note: values.note.trim() }),
          });
        }}
      />
      <ActionDialog
        opened={decision?.kind === 'refund'}
        onClose={() => setDecision(null)}
        title={labels.refundTitle(decision?.number ?? '')}
        message={labels.refundText}
        confirmLabel={labels.refund}
        danger
        fields={[{ name: 'reason', label: t.common.reason, required: true, multiline: true }]}
        onConfirm={(values) =>
          refund.mutateAsync({ order_number: decision!.number, reason: values.reason!.trim() })
        }
      />
    </>
  );
}
