import { Group, Paper, Select, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { dtehm } from '../../api/trpc.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { PageLoader } from '../../layout/PageLoader.tsx';
import { MemberDrawer } from './MemberDrawer.tsx';
import { SponsorTree, type TreeMember } from './SponsorTree.tsx';

const memberNumberOf = (m: { dtehm_member_id: string | null; dip_member_id: string | null }) =>
  m.dtehm_member_id ?? m.dip_member_id;

/**
 * The sponsor tree from the network's first member, or from any member found by number or name;
 * a member of the tree opens in the member drawer.
 */
export default function NetworkPage() {
  const { t } = useI18n();
  const trpc = dtehm.useTRPC();
  const labels = t.dtehm.tree;
  const [chosen, setChosen] = useState<TreeMember | null>(null);
  const [typed, setTyped] = useState('');
  const [search] = useDebouncedValue(typed.trim(), 300);
  const [open, setOpen] = useState<number | null>(null);
  // the network's root: its first member
  const first = useQuery(
    trpc.admin.members.queryOptions({ page: 1, per_page: 1, sort_by: 'joined_at', sort_order: 'asc' }),
  );
  const found = useQuery({
    ...trpc.admin.members.queryOptions({ page: 1, per_page: 10, search }),
    enabled: search.length > 0,
    placeholderData: keepPreviousData,
  });
  const options = (search ? (found.data?.members ?? []) : []).map((m) => ({
    value: String(m.id),
    label: `${memberNumberOf(m) ?? '—'} · ${m.name}`,
    member: { id: m.id, name: m.name, member_id: memberNumberOf(m), status: m.status },
  }));
  const firstMember = first.data?.members[0];
  const root: TreeMember | null =
    chosen ??
    (firstMember
      ? {
          id: firstMember.id,
          name: firstMember.name,
          member_id: memberNumberOf(firstMember),
          status: firstMember.status,
        }
      : null);

  return (
    <>
      <PageHeader title={labels.title} />
      <Group mb="md" align="flex-end">
        <Select
          label={labels.jumpTo}
          placeholder={labels.jumpPlaceholder}
          leftSection={<IconSearch size={16} aria-hidden />}
          searchable
          searchValue={typed}
          onSearchChange={setTyped}
          // the server searches: every option it answered is shown
          filter={({ options }) => options}
          data={options.map(({ value, label }) => ({ value, label }))}
          value={chosen ? String(chosen.id) : null}
          onChange={(value) => {
            const picked = options.find((o) => o.value === value);
            if (picked) setChosen(picked.member);
          }}
          nothingFoundMessage={search ? labels.notFound(search) : undefined}
          w={360}
        />
      </Group>
      {!root ? (
        first.isPending ? (
          <PageLoader />
        ) : (
          <Text>{t.common.noRows}</Text>
        )
      ) : (
        <Paper withBorder p="md">
          <SponsorTree key={root.id} root={root} onOpen={setOpen} />
        </Paper>
      )}
      <MemberDrawer memberId={open} onClose={() => setOpen(null)} />
    </>
  );
}
