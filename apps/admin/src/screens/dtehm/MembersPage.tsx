import { Badge, Button, Select, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { dtehm } from '../../api/trpc.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useTableState } from '../../components/table-state.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { StandingBadge, useLocalTime } from './dtehm-format.tsx';
import { MemberDrawer } from './MemberDrawer.tsx';

const STANDINGS = ['Pending', 'Active', 'Suspended'] as const;
const MEMBERSHIPS = ['all', 'dtehm', 'dip'] as const;
type Standing = (typeof STANDINGS)[number];
type MembershipType = (typeof MEMBERSHIPS)[number];

/** The network's members: found by member number, name or phone; filtered, sorted and paged by the server. */
export default function MembersPage() {
  const { t, number } = useI18n();
  const local = useLocalTime();
  const trpc = dtehm.useTRPC();
  const labels = t.dtehm.members;
  const table = useTableState<{
    search: string;
    status: Standing | null;
    membership: MembershipType;
    stockist: 'Yes' | 'No' | null;
  }>({
    filters: { search: '', status: null, membership: 'all', stockist: null },
    sort: { key: 'joined_at', order: 'desc' },
  });
  const [search] = useDebouncedValue(table.filters.search.trim(), 300);
  const [open, setOpen] = useState<number | null>(null);
  const list = useQuery({
    ...trpc.admin.members.queryOptions({
      page: table.page,
      per_page: 20,
      ...(search && { search }),
      ...(table.filters.status && { status: table.filters.status }),
      membership: table.filters.membership,
      ...(table.filters.stockist && { stockist: table.filters.stockist }),
      sort_by: (table.sort?.key ?? 'joined_at') as 'joined_at' | 'name' | 'member_id',
      sort_order: table.sort?.order ?? 'desc',
    }),
    placeholderData: keepPreviousData,
  });

  return (
    <>
      <PageHeader title={labels.title} />
      <DataTable
        caption={labels.title}
        toolbar={
          <>
            <TextInput
              label={t.common.search}
              placeholder={labels.searchPlaceholder}
              leftSection={<IconSearch size={16} aria-hidden />}
              value={table.filters.search}
              onChange={(e) => table.setFilter('search', e.currentTarget.value)}
              w={280}
            />
            <Select
              label={labels.status}
              placeholder={t.common.all}
              clearable
              data={STANDINGS.map((s) => ({ value: s, label: labels.standing[s.toLowerCase()] ?? s }))}
              value={table.filters.status}
              onChange={(v) => table.setFilter('status', v as Standing | null)}
              w={170}
            />
            <Select
              label={labels.membership}
              data={MEMBERSHIPS.map((s) => ({ value: s, label: labels.membershipType[s] ?? s }))}
              value={table.filters.membership}
              onChange={(v) => table.setFilter('membership', (v ?? 'all') as MembershipType)}
              allowDeselect={false}
              w={150}
            />
            <Select
              label={labels.stockist}
              placeholder={t.common.all}
              clearable
              data={[
                { value: 'Yes', label: labels.stockists },
                { value: 'No', label: labels.notStockists },
              ]}
              value={table.filters.stockist}
              onChange={(v) => table.setFilter('stockist', v as 'Yes' | 'No' | null)}
              w={170}
            />
          </>
        }
        rows={list.data?.members}
        rowKey={(m) => String(m.id)}
        page={table.page}
        pageCount={list.data?.pagination.last_page ?? 1}
        total={list.data?.pagination.total}
        onPage={table.setPage}
        sort={table.sort}
        onSort={table.setSort}
        fetching={list.isFetching}
        error={list.error}
        onRetry={() => list.refetch()}
        columns={[
          {
            key: 'number',
            header: labels.memberNumber,
            sortKey: 'member_id',
            render: (m) => (
              <div>
                <Text size="sm">{m.dtehm_member_id ?? '—'}</Text>
                {m.dip_member_id && (
                  <Text size="xs" c="gray.7">
                    {m.dip_member_id}
                  </Text>
                )}
              </div>
            ),
          },
          {
            key: 'name',
            header: labels.name,
            sortKey: 'name',
            render: (m) => (
              <div>
                <Text size="sm" fw={500}>
                  {m.name}
                </Text>
                <Text size="xs" c="gray.7">
                  {m.email}
                </Text>
              </div>
            ),
          },
          { key: 'phone', header: labels.phone, render: (m) => m.phone_number ?? '—' },
          { key: 'sponsor', header: labels.sponsor, render: (m) => m.sponsor_id ?? '—' },
          {
            key: 'status',
            header: labels.status,
            render: (m) => (
              <>
                <StandingBadge status={m.status} />{' '}
                {m.is_stockist === 'Yes' && (
                  <Badge color="indigo" variant="light">
                    {labels.stockist}
                  </Badge>
                )}
              </>
            ),
          },
          {
            key: 'directs',
            header: labels.directs,
            numeric: true,
            render: (m) => number(m.direct_referrals),
          },
          {
            key: 'downline',
            header: labels.downline,
            numeric: true,
            render: (m) => number(m.total_downline),
          },
          {
            key: 'joined',
            header: labels.joined,
            sortKey: 'joined_at',
            render: (m) => local.date(m.joined_at),
          },
          {
            key: 'actions',
            header: t.common.actions,
            render: (m) => (
              <Button
                size="xs"
                variant="light"
                onClick={() => setOpen(m.id)}
                aria-label={t.dtehm.member.openMember(m.name)}
              >
                {labels.open}
              </Button>
            ),
          },
        ]}
      />
      <MemberDrawer memberId={open} onClose={() => setOpen(null)} />
    </>
  );
}
