import { Progress, Select, Stack, Text } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { consoleApi } from '../../api/trpc.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { useTableState } from '../../components/table-state.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useTenant } from '../../layout/tenant-context.ts';

const STATUSES = ['running', 'succeeded', 'failed'] as const;
type Status = (typeof STATUSES)[number];

/** The tenant's background job runs, newest first, by job and status (kept 14 days). */
export default function JobsPage() {
  const { t, dateTime, number } = useI18n();
  const tenant = useTenant();
  const trpc = consoleApi.useTRPC();
  const labels = t.jobs;
  const table = useTableState<{ name: string | null; status: Status | null }>({
    filters: { name: null, status: null },
  });
  const runs = useQuery({
    ...trpc.console.jobRuns.queryOptions({
      page: table.page,
      perPage: 20,
      ...(table.filters.name && { name: table.filters.name }),
      ...(table.filters.status && { status: table.filters.status }),
    }),
    placeholderData: keepPreviousData,
    // a running job's progress and duration grow: asked every 2 s while one runs, else now and then
    refetchInterval: (query) => (query.state.data?.runs.some((r) => r.status === 'running') ? 2_000 : 15_000),
  });
  const seconds = (ms: number) => `${number(Math.round(ms / 100) / 10)} s`;

  return (
    <>
      <PageHeader title={labels.title} />
      <DataTable
        caption={labels.title}
        toolbar={
          <>
            <Select
              label={labels.job}
              placeholder={t.common.all}
              clearable
              data={runs.data?.jobs ?? []}
              value={table.filters.name}
              onChange={(v) => table.setFilter('name', v)}
              w={260}
            />
            <Select
              label={t.common.status}
              placeholder={t.common.all}
              clearable
              data={STATUSES.map((s) => ({ value: s, label: labels.statuses[s] ?? s }))}
              value={table.filters.status}
              onChange={(v) => table.setFilter('status', v as Status | null)}
              w={180}
            />
          </>
        }
        rows={runs.data?.runs}
        rowKey={(r) => String(r.id)}
        page={table.page}
        pageCount={runs.data?.pagination.lastPage ?? 1}
        total={runs.data?.pagination.total}
        onPage={table.setPage}
        fetching={runs.isFetching}
        error={runs.error}
        onRetry={() => runs.refetch()}
        columns={[
          { key: 'name', header: labels.job, render: (r) => r.name },
          {
            key: 'status',
            header: t.common.status,
            render: (r) => <StatusBadge status={r.status} labels={labels.statuses} />,
          },
          { key: 'started', header: labels.started, render: (r) => dateTime(r.startedAt, tenant.timeZone) },
          { key: 'duration', header: labels.duration, numeric: true, render: (r) => seconds(r.durationMs) },
          {
            key: 'processed',
            header: labels.processed,
            numeric: true,
            render: (r) =>
              r.status === 'running' ? (
                <RunProgress
                  processed={number(r.processed)}
                  label={`${r.name}: ${labels.statuses.running}`}
                />
              ) : (
                number(r.processed)
              ),
          },
          {
            key: 'error',
            header: labels.error,
            render: (r) =>
              r.error ? (
                <Text size="sm" c="red.9" lineClamp={2} maw={360}>
                  {r.error}
                </Text>
              ) : (
                '—'
              ),
          },
        ]}
      />
    </>
  );
}

/** A run still under way: how many items so far (the run does not know its total in advance). */
function RunProgress({ processed, label }: { processed: string; label: string }) {
  return (
    <Stack gap={4} align="flex-end">
      <Text size="sm">{processed}…</Text>
      <Progress value={100} animated striped size="sm" w={120} aria-label={label} />
    </Stack>
  );
}
