import { Anchor, Select, SimpleGrid, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { dtehm } from '../../api/trpc.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { StatCard } from '../../components/StatCard.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { useTableState } from '../../components/table-state.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useTenant } from '../../layout/tenant-context.ts';
import { useLocalTime } from './dtehm-format.tsx';
import { MemberDrawer } from './MemberDrawer.tsx';
import { OrderDrawer } from './OrderDrawer.tsx';
import { type Period, PeriodFilter, periodInput } from './PeriodFilter.tsx';

const TYPES = ['all', 'stockist', 'network', 'membership'] as const;
type CommissionType = (typeof TYPES)[number];

/** Every member's commission lines (newest first) by type, member and day, with their total. */
export default function CommissionsPage() {
  const { t, money } = useI18n();
  const local = useLocalTime();
  const tenant = useTenant();
  const trpc = dtehm.useTRPC();
  const labels = t.dtehm.commissions;
  const table = useTableState<{ type: CommissionType; member: string; period: Period }>({
    filters: { type: 'all', member: '', period: [null, null] },
  });
  const [member] = useDebouncedValue(table.filters.member.trim(), 400);
  const [openOrder, setOpenOrder] = useState<number | null>(null);
  const [openMember, setOpenMember] = useState<number | null>(null);
  const list = useQuery({
    ...trpc.admin.commissions.queryOptions({
      page: table.page,
      per_page: 20,
      commission_type: table.filters.type,
      ...(member && { member_id: member }),
      ...periodInput(table.filters.period),
    }),
    placeholderData: keepPreviousData,
  });
  const summary = list.data?.summary;

  return (
    <>
      <PageHeader title={labels.title} />
      <SimpleGrid cols={{ base: 1, sm: 3 }} mb="lg">
        <StatCard
          label={labels.total}
          value={summary ? money(summary.total_commissions, summary.currency) : '…'}
        />
      </SimpleGrid>
      <DataTable
        caption={labels.title}
        toolbar={
          <>
            <Select
              label={labels.type}
              data={TYPES.map((s) => ({ value: s, label: labels.types[s] ?? s }))}
              value={table.filters.type}
              onChange={(v) => table.setFilter('type', (v ?? 'all') as CommissionType)}
              allowDeselect={false}
              w={220}
            />
            <TextInput
              label={t.dtehm.orders.memberFilter}
              placeholder="DTEHM…"
              value={table.filters.member}
              onChange={(e) => table.setFilter('member', e.currentTarget.value)}
              w={200}
            />
            <PeriodFilter
              label={labels.period}
              value={table.filters.period}
              onChange={(p) => table.setFilter('period', p)}
            />
          </>
        }
        rows={list.data?.commissions}
        rowKey={(c) => String(c.id)}
        page={table.page}
        pageCount={list.data?.pagination.last_page ?? 1}
        total={list.data?.pagination.total}
        onPage={table.setPage}
        fetching={list.isFetching}
        error={list.error}
        onRetry={() => list.refetch()}
        columns={[
          { key: 'date', header: labels.date, render: (c) => local.dateTime(c.date) },
          { key: 'line', header: labels.line, render: (c) => c.level },
          {
            key: 'member',
            header: labels.member,
            render: (c) => (
              <div>
                <Anchor component="button" type="button" size="sm" onClick={() => setOpenMember(c.member.id)}>
                  {c.member.name}
                </Anchor>
                <Text size="xs" c="gray.7">
                  {c.member.member_id}
                </Text>
              </div>
            ),
          },
          {
            key: 'amount',
            header: labels.amount,
            numeric: true,
            render: (c) => money(c.amount, tenant.currency),
          },
          {
            key: 'order',
            header: labels.order,
            render: (c) =>
              c.order_id ? (
                <Anchor
                  component="button"
                  type="button"
                  size="sm"
                  onClick={() => setOpenOrder(Number(c.order_id))}
                  aria-label={t.dtehm.orders.open(Number(c.order_id))}
                >
                  #{c.order_id}
                </Anchor>
              ) : (
                '—'
              ),
          },
          { key: 'description', header: labels.description, render: (c) => c.description },
          {
            key: 'status',
            header: t.common.status,
            render: (c) => <StatusBadge status={c.status} labels={labels.statuses} />,
          },
        ]}
      />
      <OrderDrawer
        orderId={openOrder}
        onClose={() => setOpenOrder(null)}
        onOpenMember={(id) => {
          setOpenOrder(null);
          setOpenMember(id);
        }}
      />
      <MemberDrawer memberId={openMember} onClose={() => setOpenMember(null)} />
    </>
  );
}
