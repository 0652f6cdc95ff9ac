import { Button, Select, Text } from '@mantine/core';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { notifyError, notifySuccess } from '../../api/errors.ts';
import { consoleApi } from '../../api/trpc.ts';
import { ActionDialog } from '../../components/ActionDialog.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { useTableState } from '../../components/table-state.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useTenant } from '../../layout/tenant-context.ts';

const STATUSES = ['pending', 'sent', 'failed'] as const;
const CHANNELS = ['email', 'whatsapp'] as const;
type Status = (typeof STATUSES)[number];
type Channel = (typeof CHANNELS)[number];

/** The tenant's emails and WhatsApp messages (recipients masked, no bodies); a failed one sent again. */
export default function OutboxPage() {
  const { t, dateTime, number } = useI18n();
  const tenant = useTenant();
  const trpc = consoleApi.useTRPC();
  const queryClient = useQueryClient();
  const labels = t.outbox;
  const table = useTableState<{ status: Status | null; channel: Channel | null }>({
    filters: { status: null, channel: null },
  });
  const [retrying, setRetrying] = useState<number | null>(null);
  const list = useQuery({
    ...trpc.console.outbox.queryOptions({
      page: table.page,
      perPage: 20,
      ...(table.filters.status && { status: table.filters.status }),
      ...(table.filters.channel && { channel: table.filters.channel }),
    }),
    placeholderData: keepPreviousData,
  });
  const retry = useMutation(
    trpc.console.retryOutboxMessage.mutationOptions({
      onSuccess: async () => {
        notifySuccess(labels.retried);
        await queryClient.invalidateQueries({ queryKey: trpc.console.outbox.pathKey() });
      },
      onError: (error) => notifyError(t.common.error, error),
    }),
  );

  return (
    <>
      <PageHeader title={labels.title} />
      <DataTable
        caption={labels.title}
        toolbar={
          <>
            <Select
              label={t.common.status}
              placeholder={t.common.all}
              clearable
              data={STATUSES.map((s) => ({ value: s, label: labels.statuses[s] ?? s }))}
              value={table.filters.status}
              onChange={(v) => table.setFilter('status', v as Status | null)}
              w={180}
            />
            <Select
              label={labels.channel}
              placeholder={t.common.all}
              clearable
              data={CHANNELS.map((c) => ({ value: c, label: labels.channels[c] ?? c }))}
              value={table.filters.channel}
              onChange={(v) => table.setFilter('channel', v as Channel | null)}
              w={180}
            />
          </>
        }
        rows={list.data?.messages}
        rowKey={(m) => String(m.id)}
        page={table.page}
        pageCount={list.data?.pagination.lastPage ?? 1}
        total={list.data?.pagination.total}
        onPage={table.setPage}
        fetching={list.isFetching}
        error={list.error}
        onRetry={() => list.refetch()}
        columns={[
          { key: 'created', header: labels.created, render: (m) => dateTime(m.createdAt, tenant.timeZone) },
          { key: 'channel', header: labels.channel, render: (m) => labels.channels[m.channel] ?? m.channel },
          { key: 'recipient', header: labels.recipient, render: (m) => m.recipient },
          { key: 'subject', header: labels.subject, render: (m) => m.subject },
          {
            key: 'status',
            header: t.common.status,
            render: (m) => <StatusBadge status={m.status} labels={labels.statuses} />,
          },
          { key: 'attempts', header: labels.attempts, numeric: true, render: (m) => number(m.attempts) },
          {
            key: 'error',
            header: labels.lastError,
            render: (m) =>
              m.lastError ? (
                <Text size="sm" c="red.9" lineClamp={2} maw={280}>
                  {m.lastError}
                </Text>
              ) : (
                (m.deliveryStatus ?? '—')
              ),
          },
          {
            key: 'actions',
            header: t.common.actions,
            render: (m) =>
              m.status === 'failed' ? (
                <Button size="xs" variant="light" onClick={() => setRetrying(Number(m.id))}>
                  {labels.retry}
                </Button>
              ) : null,
          },
        ]}
      />
      <ActionDialog
        opened={retrying !== null}
        onClose={() => setRetrying(null)}
        title={labels.retryTitle}
        message={labels.retryText}
        confirmLabel={labels.retry}
        onConfirm={() => retry.mutateAsync({ id: retrying! })}
      />
    </>
  );
}
