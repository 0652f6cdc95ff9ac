import '@mantine/charts/styles.css';
import { BarChart, DonutChart } from '@mantine/charts';
import { Group, Paper, SegmentedControl, SimpleGrid, Table, Text, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { sinoman } from '../../api/trpc.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { StatCard } from '../../components/StatCard.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { PageLoader } from '../../layout/PageLoader.tsx';
import { useTenant } from '../../layout/tenant-context.ts';

const PERIODS = ['today', 'week', 'month', 'quarter', 'year'] as const;
type Period = (typeof PERIODS)[number];

/** The cooperative's money at a glance: savings held, today's flows, monthly trends, top savers. */
export default function FinancialDashboardPage() {
  const { t, money, number } = useI18n();
  const tenant = useTenant();
  const trpc = sinoman.useTRPC();
  const [period, setPeriod] = useState<Period>('year');
  const dashboard = useQuery({
    ...trpc.adminFinancial.financialDashboard.queryOptions({ period }),
    placeholderData: keepPreviousData,
  });
  const labels = t.financial;
  const format = (n: number) => money(n, tenant.currency);
  const d = dashboard.data;

  return (
    <>
      <PageHeader title={labels.title}>
        <SegmentedControl
          aria-label={labels.period}
          value={period}
          onChange={(v) => setPeriod(v as Period)}
          data={PERIODS.map((p) => ({ value: p, label: labels.periods[p] ?? p }))}
        />
      </PageHeader>
      {!d ? (
        <PageLoader />
      ) : (
        <>
          <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} mb="lg">
            <StatCard label={labels.totalSavings} value={format(d.overview.total_savings)} />
            <StatCard label={labels.depositsToday} value={format(d.overview.total_deposits_today)} />
            <StatCard label={labels.withdrawalsToday} value={format(d.overview.total_withdrawals_today)} />
            <StatCard label={labels.netFlowToday} value={format(d.overview.net_flow_today)} />
            <StatCard label={labels.activeMembers} value={number(d.overview.active_members)} />
            <StatCard label={labels.pendingTransactions} value={number(d.overview.pending_transactions)} />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, lg: 3 }} mb="lg">
            <Paper withBorder p="md" style={{ gridColumn: 'span 2' }}>
              <Title order={2} size="h4" mb="md">
                {labels.trends}
              </Title>
              {d.monthly_trends.length === 0 ? (
                <Text>{labels.noTrend}</Text>
              ) : (
                <BarChart
                  h={280}
                  data={[...d.monthly_trends].sort((a, b) => a.month.localeCompare(b.month))}
                  dataKey="month"
                  valueFormatter={format}
                  withLegend
                  series={[
                    { name: 'deposits', label: labels.deposits, color: 'teal.7' },
                    { name: 'withdrawals', label: labels.withdrawals, color: 'red.7' },
                    { name: 'net_savings', label: labels.netSavings, color: 'blue.8' },
                  ]}
                />
              )}
            </Paper>
            <Paper withBorder p="md">
              <Title order={2} size="h4" mb="md">
                {labels.breakdown}
              </Title>
              <Group justify="center">
                <DonutChart
                  size={180}
                  thickness={28}
                  valueFormatter={format}
                  data={[
                    { name: labels.pokok, value: d.savings_breakdown.simpanan_pokok, color: 'blue.8' },
                    { name: labels.wajib, value: d.savings_breakdown.simpanan_wajib, color: 'teal.7' },
                    { name: labels.sukarela, value: d.savings_breakdown.simpanan_sukarela, color: 'grape.7' },
                  ]}
                />
              </Group>
              <Table mt="md">
                <Table.Tbody>
                  {(
                    [
                      [labels.pokok, d.savings_breakdown.simpanan_pokok],
                      [labels.wajib, d.savings_breakdown.simpanan_wajib],
                      [labels.sukarela, d.savings_breakdown.simpanan_sukarela],
                    ] as const
                  ).map(([label, value]) => (
                    <Table.Tr key={label}>
                      <Table.Th scope="row">{label}</Table.Th>
                      <Table.Td ta="right">{format(value)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Paper>
          </SimpleGrid>
          <Title order={2} size="h4" mb="sm">
            {labels.topSavers}
          </Title>
          <DataTable
            caption={labels.topSavers}
            rows={d.top_savers}
            rowKey={(r) => r.member_number}
            page={1}
            pageCount={1}
            onPage={() => {}}
            fetching={dashboard.isFetching}
            error={dashboard.error}
            columns={[
              { key: 'number', header: t.members.memberNumber, render: (r) => r.member_number },
              { key: 'name', header: t.members.fullName, render: (r) => r.full_name },
              {
                key: 'savings',
                header: t.members.savings,
                numeric: true,
                render: (r) => format(r.total_savings),
              },
            ]}
          />
        </>
      )}
    </>
  );
}
