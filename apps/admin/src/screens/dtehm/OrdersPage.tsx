import { Button, Select, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { dtehm } from '../../api/trpc.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { useTableState } from '../../components/table-state.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useTenant } from '../../layout/tenant-context.ts';
import { useLocalTime } from './dtehm-format.tsx';
import { MemberDrawer } from './MemberDrawer.tsx';
import { lowerKeys, OrderDrawer } from './OrderDrawer.tsx';
import { type Period, PeriodFilter, periodInput } from './PeriodFilter.tsx';

const STATUSES = ['Pending Payment', 'Paid', 'Payment Failed'] as const;
type Status = (typeof STATUSES)[number];

/** Every member's orders (newest first), filtered by status, buyer and day; each opens with its commissions. */
export default function OrdersPage() {
  const { t, money, number } = useI18n();
  const local = useLocalTime();
  const tenant = useTenant();
  const trpc = dtehm.useTRPC();
  const labels = t.dtehm.orders;
  const table = useTableState<{ status: Status | null; member: string; period: Period }>({
    filters: { status: null, member: '', period: [null, null] },
  });
  const [member] = useDebouncedValue(table.filters.member.trim(), 400);
  const [openOrder, setOpenOrder] = useState<number | null>(null);
  const [openMember, setOpenMember] = useState<number | null>(null);
  const list = useQuery({
    ...trpc.admin.orders.queryOptions({
      page: table.page,
      per_page: 20,
      ...(table.filters.status && { status: table.filters.status }),
      ...(member && { member_id: member }),
      ...periodInput(table.filters.period),
    }),
    placeholderData: keepPreviousData,
  });
  const statusLabels = lowerKeys(labels.statuses);

  return (
    <>
      <PageHeader title={labels.title} />
      <DataTable
        caption={labels.title}
        toolbar={
          <>
            <Select
              label={labels.status}
              placeholder={t.common.all}
              clearable
              data={STATUSES.map((s) => ({ value: s, label: labels.statuses[s] ?? s }))}
              value={table.filters.status}
              onChange={(v) => table.setFilter('status', v as Status | null)}
              w={200}
            />
            <TextInput
              label={labels.memberFilter}
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
        rows={list.data?.orders}
        rowKey={(o) => String(o.id)}
        page={table.page}
        pageCount={list.data?.pagination.last_page ?? 1}
        total={list.data?.pagination.total}
        onPage={table.setPage}
        fetching={list.isFetching}
        error={list.error}
        onRetry={() => list.refetch()}
        columns={[
          { key: 'id', header: labels.order, render: (o) => `#${o.id}` },
          { key: 'date', header: labels.date, render: (o) => local.dateTime(o.order_date) },
          {
            key: 'customer',
            header: labels.customer,
            render: (o) => (
              <div>
                <Text size="sm">{o.customer.name}</Text>
                <Text size="xs" c="gray.7">
                  {o.customer.member_id}
                </Text>
              </div>
            ),
          },
          {
            key: 'items',
            header: labels.items,
            render: (o) => o.items.map((i) => `${i.product_name} × ${number(i.quantity)}`).join(', '),
          },
          {
            key: 'stockist',
            header: labels.stockist,
            render: (o) =>
              [...new Set(o.items.map((i) => i.stockist?.name).filter(Boolean))].join(', ') || '—',
          },
          {
            key: 'total',
            header: labels.total,
            numeric: true,
            render: (o) => money(o.total_amount, tenant.currency),
          },
          {
            key: 'status',
            header: labels.status,
            render: (o) => <StatusBadge status={o.status.toLowerCase()} labels={statusLabels} />,
          },
          {
            key: 'commission',
            header: labels.commission,
            numeric: true,
            render: (o) => `${money(o.total_commission, tenant.currency)} (${number(o.commissions_created)})`,
          },
          {
            key: 'actions',
            header: t.common.actions,
            render: (o) => (
              <Button
                size="xs"
                variant="light"
                onClick={() => setOpenOrder(o.id)}
                aria-label={`${t.common.details}: ${labels.order} #${o.id}`}
              >
                {t.common.details}
              </Button>
            ),
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
