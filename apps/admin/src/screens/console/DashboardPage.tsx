import '@mantine/charts/styles.css';
import '@mantine/dates/styles.css';
import 'dayjs/locale/id';
import { AreaChart } from '@mantine/charts';
import { Paper, SimpleGrid, Text, Title } from '@mantine/core';
import { DatePickerInput, DatesProvider } from '@mantine/dates';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { consoleApi } from '../../api/trpc.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { StatCard } from '../../components/StatCard.tsx';
import { localDay } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { PageLoader } from '../../layout/PageLoader.tsx';
import { useTenant } from '../../layout/tenant-context.ts';

const COLORS = ['blue.8', 'teal.7', 'grape.7', 'red.7', 'orange.8', 'cyan.8', 'indigo.7'];

/**
 * Every tenant's figures by local day (`console.dashboard`): the metrics its apps have (sales,
 * commissions, clicks, savings flows…), money and counts charted apart, with their totals.
 */
export default function DashboardPage() {
  const { t, money, number, language } = useI18n();
  const tenant = useTenant();
  const trpc = consoleApi.useTRPC();
  const labels = t.dashboard;
  const [range, setRange] = useState<[string | null, string | null]>([
    localDay(tenant.timeZone, 29),
    localDay(tenant.timeZone),
  ]);
  const [from, to] = range;
  const dashboard = useQuery({
    ...trpc.console.dashboard.queryOptions({ ...(from && { from }), ...(to && { to }) }),
    placeholderData: keepPreviousData,
    enabled: from !== null && to !== null,
  });
  const d = dashboard.data;
  const label = (key: string) => labels.metrics[key] ?? key;
  const format = (key: string, value: number | undefined) => {
    const unit = d?.metrics.find((m) => m.key === key)?.unit;
    return unit === 'money' ? money(value ?? 0, d?.currency ?? tenant.currency) : number(value ?? 0);
  };

  return (
    <DatesProvider settings={{ locale: language }}>
      <PageHeader title={labels.title}>
        <DatePickerInput
          type="range"
          label={labels.range}
          value={range}
          onChange={(v) => setRange(v as [string | null, string | null])}
          maxDate={localDay(tenant.timeZone)}
          valueFormat="D MMM YYYY"
          w={280}
        />
      </PageHeader>
      {!d ? (
        <PageLoader />
      ) : (
        <>
          <Title order={2} size="h4" mb="sm">
            {labels.totals}
          </Title>
          <SimpleGrid cols={{ base: 2, md: 4 }} mb="lg">
            {d.metrics.map((m) => (
              <StatCard key={m.key} label={label(m.key)} value={format(m.key, d.totals[m.key])} />
            ))}
            {d.now.totalSavings !== undefined && (
              <StatCard
                label={`${labels.totalSavings} (${labels.now})`}
                value={money(d.now.totalSavings, d.currency)}
              />
            )}
            {d.now.activeMembers !== undefined && (
              <StatCard
                label={`${labels.activeMembers} (${labels.now})`}
                value={number(d.now.activeMembers)}
              />
            )}
          </SimpleGrid>
          {(['money', 'count'] as const).map((unit) => {
            const series = d.metrics.filter((m) => m.unit === unit);
            if (series.length === 0) return null;
            return (
              <Paper key={unit} withBorder p="md" mb="lg">
                <Title order={2} size="h4" mb="md">
                  {labels.byDay}: {series.map((m) => label(m.key)).join(', ')}
                </Title>
                {d.days.length === 0 ? (
                  <Text>{labels.empty}</Text>
                ) : (
                  <AreaChart
                    h={260}
                    data={d.days}
                    dataKey="date"
                    withLegend
                    curveType="monotone"
                    valueFormatter={(v) => (unit === 'money' ? money(v, d.currency) : number(v))}
                    series={series.map((m, i) => ({
                      name: m.key,
                      label: label(m.key),
                      color: COLORS[i % COLORS.length]!,
                    }))}
                  />
                )}
              </Paper>
            );
          })}
        </>
      )}
    </DatesProvider>
  );
}
