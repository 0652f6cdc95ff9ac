import { Button, Drawer, Group, Select, Stack, Text, Timeline, Title } from '@mantine/core';
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

const STATUSES = [
  'pending',
  'paid',
  'processing',
  'distributed',
  'completed',
  'cancelled',
  'refunded',
] as const;
type Status = (typeof STATUSES)[number];
/** qutab's fulfilment, one step at a time: paid → processing → distributed → completed. */
const NEXT: Partial<Record<string, 'processing' | 'distributed' | 'completed'>> = {
  paid: 'processing',
  processing: 'distributed',
  distributed: 'completed',
};
type Move = { id: string; to: 'processing' | 'distributed' | 'completed' };

/** Qurban orders: every customer's, by status; each opens with its tracking and moves a step along. */
export default function OrdersPage() {
  const { t, money, dateTime } = useI18n();
  const tenant = useTenant();
  const trpc = qutab.useTRPC();
  const queryClient = useQueryClient();
  const labels = t.qutabOrders;
  const table = useTableState<{ status: Status | null }>({ filters: { status: null } });
  const [move, setMove] = useState<Move | null>(null);
  const [open, setOpen] = useState<string | null>(null);

  const list = useQuery({
    ...trpc.admin.listOrders.queryOptions({
      page: table.page,
      limit: 20,
      ...(table.filters.status && { status: table.filters.status }),
    }),
    placeholderData: keepPreviousData,
  });
  const detail = useQuery({
    ...trpc.admin.orderDetail.queryOptions({ id: open ?? '' }),
    enabled: open !== null,
  });
  const moving = useMutation(
    trpc.admin.moveOrder.mutationOptions({
      onSuccess: async () => {
        notifySuccess(labels.moved);
        await queryClient.invalidateQueries({ queryKey: trpc.admin.listOrders.pathKey() });
        await queryClient.invalidateQueries({ queryKey: trpc.admin.orderDetail.pathKey() });
      },
      onError: (error) => notifyError(t.common.error, error),
    }),
  );
  const status = (s: string) => labels.statuses[s] ?? s;

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
            data={STATUSES.map((s) => ({ value: s, label: status(s) }))}
            value={table.filters.status}
            onChange={(v) => table.setFilter('status', v as Status | null)}
            w={200}
          />
        }
        rows={list.data?.orders}
        rowKey={(o) => o.id}
        page={table.page}
        pageCount={list.data?.pagination.total_pages ?? 1}
        total={list.data?.pagination.total}
        onPage={table.setPage}
        fetching={list.isFetching}
        error={list.error}
        onRetry={() => list.refetch()}
        columns={[
          { key: 'id', header: labels.order, render: (o) => o.id },
          {
            key: 'customer',
            header: labels.customer,
            render: (o) => (
              <div>
                <Text size="sm">{o.customer?.name ?? '—'}</Text>
                <Text size="xs" c="gray.7">
                  {o.recipient_name} · {o.recipient_location}
                </Text>
              </div>
            ),
          },
          {
            key: 'total',
            header: labels.total,
            numeric: true,
            render: (o) => money(o.total_amount, tenant.currency),
          },
          {
            key: 'status',
            header: t.common.status,
            render: (o) => <StatusBadge status={o.status} labels={labels.statuses} />,
          },
          { key: 'placed', header: labels.placed, render: (o) => dateTime(o.created_at, tenant.timeZone) },
          {
            key: 'actions',
            header: t.common.actions,
            render: (o) => {
              const next = NEXT[o.status];
              return (
                <Group gap="xs" wrap="nowrap">
                  <Button
                    size="xs"
                    variant="default"
                    onClick={() => setOpen(o.id)}
                    aria-label={`${labels.tracking}: ${o.id}`}
                  >
                    {labels.tracking}
                  </Button>
                  {next && (
                    <Button
                      size="xs"
                      onClick={() => setMove({ id: o.id, to: next })}
                      aria-label={`${labels.moveTo(status(next))}: ${o.id}`}
                    >
                      {labels.moveTo(status(next))}
                    </Button>
                  )}
                </Group>
              );
            },
          },
        ]}
      />
      <ActionDialog
        opened={move !== null}
        onClose={() => setMove(null)}
        title={move ? labels.moveTitle(move.id, status(move.to)) : ''}
        confirmLabel={move ? labels.moveTo(status(move.to)) : ''}
        fields={[{ name: 'note', label: t.common.note }]}
        onConfirm={(values) =>
          moving.mutateAsync({
            id: move!.id,
            status: move!.to,
            ...(values.note?.trim() && { note: values.note.trim() }),
          })
        }
      />
      <Drawer
        opened={open !== null}
        onClose={() => setOpen(null)}
        position="right"
        size="md"
        title={open ? `${labels.order} ${open}` : labels.title}
      >
        {detail.data && (
          <Stack>
            <Text size="sm">
              {detail.data.product_name} × {detail.data.quantity} ·{' '}
              {money(detail.data.total_amount, tenant.currency)}
            </Text>
            <Text size="sm">
              {labels.customer}: {detail.data.customer?.name ?? '—'}{' '}
              {detail.data.customer?.email ? `(${detail.data.customer.email})` : ''}
            </Text>
            <Title order={2} size="h4">
              {labels.tracking}
            </Title>
            <Timeline active={detail.data.tracking.length - 1} bulletSize={14} lineWidth={2}>
              {detail.data.tracking.map((step) => (
                <Timeline.Item key={`${step.status}-${step.created_at}`} title={status(step.status)}>
                  <Text size="xs" c="gray.7">
                    {dateTime(step.created_at, tenant.timeZone)}
                  </Text>
                  {step.note && <Text size="sm">{step.note}</Text>}
                </Timeline.Item>
              ))}
            </Timeline>
          </Stack>
        )}
      </Drawer>
    </>
  );
}
