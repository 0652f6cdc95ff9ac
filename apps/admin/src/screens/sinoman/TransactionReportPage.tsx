import '@mantine/dates/styles.css';
import 'dayjs/locale/id';
import { Alert, Button, Group, Progress, Select, SimpleGrid, Text } from '@mantine/core';
import { DatePickerInput, DatesProvider } from '@mantine/dates';
import { IconDownload } from '@tabler/icons-react';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { notifyError, notifySuccess } from '../../api/errors.ts';
import { sinoman } from '../../api/trpc.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { StatCard } from '../../components/StatCard.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { useTableState } from '../../components/table-state.ts';
import { localDay } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useTenant } from '../../layout/tenant-context.ts';

const TYPES = ['deposit', 'withdrawal', 'interest', 'bonus'] as const;
const STATUSES = ['pending', 'processing', 'completed', 'failed', 'cancelled'] as const;
type Status = (typeof STATUSES)[number];

/** Starts a download of a signed file link (same origin as the API: no request elsewhere). */
function download(url: string) {
  const a = document.createElement('a');
  a.href = url;
  a.download = '';
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
}

/** Transactions of a date range, filtered on the server, with the CSV and PDF exports. */
export default function TransactionReportPage() {
  const { t, money, dateTime, number, language } = useI18n();
  const tenant = useTenant();
  const trpc = sinoman.useTRPC();
  const queryClient = useQueryClient();
  const labels = t.report;
  const table = useTableState<{
    range: [string | null, string | null];
    type: string | null;
    status: Status | null;
  }>({
    filters: { range: [localDay(tenant.timeZone, 29), localDay(tenant.timeZone)], type: null, status: null },
  });
  const [exporting, setExporting] = useState<'csv' | 'pdf' | null>(null);
  const [start, end] = table.filters.range;
  const filter = {
    start_date: start ?? localDay(tenant.timeZone),
    end_date: end ?? start ?? localDay(tenant.timeZone),
    ...(table.filters.type && { transaction_type: table.filters.type }),
    ...(table.filters.status && { status: table.filters.status }),
  };
  const report = useQuery({
    ...trpc.adminFinancial.transactionReport.queryOptions({ ...filter, page: table.page, limit: 25 }),
    placeholderData: keepPreviousData,
    enabled: start !== null,
  });

  const exportAs = async (format: 'csv' | 'pdf') => {
    setExporting(format);
    try {
      const answer = await queryClient.fetchQuery({
        ...trpc.adminFinancial.transactionReport.queryOptions({
          ...filter,
          page: 1,
          limit: 1,
          export_format: format,
        }),
        staleTime: 0,
      });
      if (answer.export_url) {
        download(answer.export_url);
        notifySuccess(labels.exportReady);
      }
    } catch (error) {
      notifyError(t.common.error, error);
    } finally {
      setExporting(null);
    }
  };

  const s = report.data?.summary;
  return (
    <DatesProvider settings={{ locale: language }}>
      <PageHeader title={labels.title}>
        <Group>
          {(['csv', 'pdf'] as const).map((format) => (
            <Button
              key={format}
              variant="default"
              leftSection={<IconDownload size={16} aria-hidden />}
              loading={exporting === format}
              disabled={exporting !== null || start === null}
              onClick={() => exportAs(format)}
            >
              {format === 'csv' ? labels.exportCsv : labels.exportPdf}
            </Button>
          ))}
        </Group>
      </PageHeader>
      {exporting && (
        // the export is made while the request waits (decisions.md): an open-ended bar until the link comes
        <Alert mb="lg" variant="light" role="status" aria-live="polite">
          <Text size="sm" mb="xs">
            {t.sinoman.exports.preparing(exporting.toUpperCase())}
          </Text>
          <Progress
            value={100}
            striped
            animated
            aria-label={t.sinoman.exports.preparing(exporting.toUpperCase())}
          />
        </Alert>
      )}
      <SimpleGrid cols={{ base: 2, md: 4 }} mb="lg">
        <StatCard label={labels.summaryTotal} value={s ? number(s.total_transactions) : '…'} />
        <StatCard label={labels.summaryAmount} value={s ? money(s.total_amount, tenant.currency) : '…'} />
        <StatCard label={labels.summarySuccess} value={s ? `${number(s.success_rate)}%` : '…'} />
        <StatCard label={labels.summaryPending} value={s ? number(s.pending_transactions) : '…'} />
      </SimpleGrid>
      <DataTable
        caption={labels.title}
        toolbar={
          <>
            <DatePickerInput
              type="range"
              label={labels.range}
              value={table.filters.range}
              onChange={(v) => table.setFilter('range', v as [string | null, string | null])}
              maxDate={localDay(tenant.timeZone)}
              valueFormat="D MMM YYYY"
              w={280}
            />
            <Select
              label={labels.type}
              placeholder={t.common.all}
              clearable
              data={TYPES.map((type) => ({ value: type, label: labels.types[type] ?? type }))}
              value={table.filters.type}
              onChange={(v) => table.setFilter('type', v)}
              w={180}
            />
            <Select
              label={t.common.status}
              placeholder={t.common.all}
              clearable
              data={STATUSES.map((status) => ({ value: status, label: labels.statuses[status] ?? status }))}
              value={table.filters.status}
              onChange={(v) => table.setFilter('status', v as Status | null)}
              w={180}
            />
          </>
        }
        rows={report.data?.transactions}
        rowKey={(r) => r.transaction_number}
        page={table.page}
        pageCount={report.data?.pagination.total_pages ?? 1}
        total={report.data?.pagination.total_items}
        onPage={table.setPage}
        fetching={report.isFetching}
        error={report.error}
        onRetry={() => report.refetch()}
        columns={[
          { key: 'number', header: labels.number, render: (r) => r.transaction_number },
          {
            key: 'member',
            header: labels.member,
            render: (r) => (r.member_name ? `${r.member_name} (${r.member_number})` : '—'),
          },
          { key: 'type', header: labels.type, render: (r) => r.transaction_type },
          {
            key: 'amount',
            header: labels.amount,
            numeric: true,
            render: (r) => money(r.amount, tenant.currency),
          },
          {
            key: 'status',
            header: t.common.status,
            render: (r) => <StatusBadge status={r.status} labels={labels.statuses} />,
          },
          { key: 'created', header: labels.created, render: (r) => dateTime(r.created_at, tenant.timeZone) },
          {
            key: 'processed',
            header: labels.processed,
            render: (r) => dateTime(r.processed_at, tenant.timeZone),
          },
        ]}
      />
    </DatesProvider>
  );
}
