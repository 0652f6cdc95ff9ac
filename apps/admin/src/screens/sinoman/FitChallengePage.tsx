import '@mantine/dates/styles.css';
import 'dayjs/locale/id';
import { Button, Select, SimpleGrid, Text } from '@mantine/core';
import { DatesProvider } from '@mantine/dates';
import { IconPlus } from '@tabler/icons-react';
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
import { useI18n } from '../../i18n/i18n.tsx';
import { useTenant } from '../../layout/tenant-context.ts';
import { BatchDialog } from './BatchDialog.tsx';

const STATUSES = ['draft', 'open', 'active', 'completed', 'cancelled'] as const;
type Status = (typeof STATUSES)[number];

/** Fit Challenge batches, drafts included: create a draft, open it after a question, each batch's results. */
export default function FitChallengePage() {
  const { t, money, number, date, language } = useI18n();
  const tenant = useTenant();
  const trpc = sinoman.useTRPC();
  const queryClient = useQueryClient();
  const labels = t.sinoman.fitChallenge;
  const table = useTableState<{ status: Status | null }>({ filters: { status: null } });
  const [creating, setCreating] = useState(false);
  const [opening, setOpening] = useState<{ id: string; name: string } | null>(null);

  const list = useQuery({
    ...trpc.adminFitChallenge.batches.queryOptions({
      page: table.page,
      limit: 20,
      ...(table.filters.status && { status: table.filters.status }),
    }),
    placeholderData: keepPreviousData,
  });
  const analytics = useQuery(trpc.adminFitChallenge.analytics.queryOptions());
  const open = useMutation(
    trpc.adminFitChallenge.openBatch.mutationOptions({
      onSuccess: async () => {
        notifySuccess(labels.opened);
        await queryClient.invalidateQueries({ queryKey: trpc.adminFitChallenge.pathKey() });
      },
      onError: (error) => notifyError(t.common.error, error),
    }),
  );
  const overview = analytics.data?.overview;
  const results = new Map(analytics.data?.batch_performance.map((b) => [b.batch_number, b]));
  // calendar days as the API writes them (YYYY-MM-DD): shown without a time zone's shift
  const day = (iso: string | null) => date(iso, 'UTC');

  return (
    <DatesProvider settings={{ locale: language }}>
      <PageHeader title={labels.title}>
        <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)}>
          {labels.newBatch}
        </Button>
      </PageHeader>
      <SimpleGrid cols={{ base: 2, md: 4 }} mb="lg">
        <StatCard label={labels.activeBatches} value={overview ? number(overview.active_batches) : '…'} />
        <StatCard label={labels.participants} value={overview ? number(overview.total_participants) : '…'} />
        <StatCard
          label={labels.completionRate}
          value={overview ? `${number(overview.completion_rate)}%` : '…'}
        />
        <StatCard
          label={labels.revenue}
          value={overview ? money(overview.total_revenue, tenant.currency) : '…'}
        />
      </SimpleGrid>
      <DataTable
        caption={labels.title}
        toolbar={
          <Select
            label={t.common.status}
            placeholder={t.common.all}
            clearable
            data={STATUSES.map((s) => ({ value: s, label: labels.statuses[s] ?? s }))}
            value={table.filters.status}
            onChange={(v) => table.setFilter('status', v as Status | null)}
            w={180}
          />
        }
        rows={list.data?.batches}
        rowKey={(b) => b.id}
        page={table.page}
        pageCount={list.data?.pagination.total_pages ?? 1}
        total={list.data?.pagination.total_items}
        onPage={table.setPage}
        fetching={list.isFetching}
        error={list.error}
        onRetry={() => list.refetch()}
        columns={[
          {
            key: 'batch',
            header: labels.number,
            render: (b) => (
              <div>
                <Text size="sm" fw={500}>
                  {b.name}
                </Text>
                <Text size="xs" c="gray.7">
                  {b.batch_number}
                </Text>
              </div>
            ),
          },
          {
            key: 'dates',
            header: labels.dates,
            render: (b) => `${day(b.start_date)} – ${day(b.end_date)}`,
          },
          {
            key: 'registration',
            header: labels.registration,
            render: (b) => `${day(b.registration_start_date)} – ${day(b.registration_end_date)}`,
          },
          {
            key: 'places',
            header: labels.places,
            render: (b) =>
              labels.placesOf(
                number(b.current_participants),
                number(b.max_participants),
                number(b.waitlist_count),
              ),
          },
          {
            key: 'fee',
            header: labels.fee,
            render: (b) => (
              <div>
                <Text size="sm">{money(b.program_fee, tenant.currency)}</Text>
                {b.early_bird_fee !== null && b.early_bird_deadline && (
                  <Text size="xs" c="gray.7">
                    {labels.earlyBird(money(b.early_bird_fee, tenant.currency), day(b.early_bird_deadline))}
                  </Text>
                )}
              </div>
            ),
          },
          {
            key: 'status',
            header: t.common.status,
            render: (b) => <StatusBadge status={b.status} labels={labels.statuses} />,
          },
          {
            key: 'results',
            header: labels.performance,
            render: (b) => {
              const r = results.get(b.batch_number);
              if (!r) return '—';
              const loss =
                r.average_weight_loss === null
                  ? labels.noCheckIns
                  : labels.weightLoss(number(r.average_weight_loss));
              return (
                <div>
                  <Text size="sm">{number(r.participants)}</Text>
                  <Text size="xs" c="gray.7">
                    {labels.performanceOf(number(r.completed), number(r.completion_rate), loss)}
                  </Text>
                </div>
              );
            },
          },
          {
            key: 'actions',
            header: t.common.actions,
            render: (b) =>
              b.status === 'draft' && (
                <Button
                  size="xs"
                  aria-label={`${labels.open}: ${b.name}`}
                  onClick={() => setOpening({ id: b.id, name: b.name })}
                >
                  {labels.open}
                </Button>
              ),
          },
        ]}
      />
      <BatchDialog opened={creating} onClose={() => setCreating(false)} />
      <ActionDialog
        opened={opening !== null}
        onClose={() => setOpening(null)}
        title={labels.openTitle(opening?.name ?? '')}
        message={labels.openText}
        confirmLabel={labels.open}
        onConfirm={() => open.mutateAsync({ batch_id: opening!.id })}
      />
    </DatesProvider>
  );
}
