import {
  Anchor,
  Button,
  Drawer,
  Group,
  Image,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
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

const MEMBERSHIP = ['pending', 'active', 'suspended', 'inactive'] as const;
const KYC = ['pending', 'verified', 'rejected'] as const;
type Membership = (typeof MEMBERSHIP)[number];
type Kyc = (typeof KYC)[number];

interface Picked {
  id: string;
  full_name: string;
  member_number: string;
  membership_status: Membership;
  kyc_status: Kyc;
}

/** The cooperative's members: search, filters and sort on the server; status and KYC review. */
export default function MembersPage() {
  const { t, money, date, dateTime, number } = useI18n();
  const tenant = useTenant();
  const trpc = sinoman.useTRPC();
  const table = useTableState<{ search: string; status: Membership | null; kyc: Kyc | null }>({
    filters: { search: '', status: null, kyc: null },
    sort: { key: 'created_at', order: 'desc' },
  });
  const [search] = useDebouncedValue(table.filters.search.trim(), 300);
  const [picked, setPicked] = useState<Picked | null>(null);

  const list = useQuery({
    ...trpc.adminMembers.listMembers.queryOptions({
      page: table.page,
      limit: 20,
      ...(search && { search }),
      ...(table.filters.status && { status: table.filters.status }),
      ...(table.filters.kyc && { kyc_status: table.filters.kyc }),
      sort_by: (table.sort?.key ?? 'created_at') as 'created_at' | 'full_name' | 'member_number',
      sort_order: table.sort?.order ?? 'desc',
    }),
    placeholderData: keepPreviousData,
  });
  const summary = list.data?.summary;
  const labels = t.members;

  return (
    <>
      <PageHeader title={labels.title} />
      <SimpleGrid cols={{ base: 2, md: 4 }} mb="lg">
        <StatCard label={labels.total} value={summary ? number(summary.total_members) : '…'} />
        <StatCard label={labels.active} value={summary ? number(summary.active_members) : '…'} />
        <StatCard label={labels.pending} value={summary ? number(summary.pending_verification) : '…'} />
        <StatCard label={labels.suspended} value={summary ? number(summary.suspended_members) : '…'} />
      </SimpleGrid>
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
              label={labels.membership}
              placeholder={t.common.all}
              clearable
              data={MEMBERSHIP.map((s) => ({ value: s, label: labels.membershipStatus[s] ?? s }))}
              value={table.filters.status}
              onChange={(v) => table.setFilter('status', v as Membership | null)}
              w={180}
            />
            <Select
              label={labels.kyc}
              placeholder={t.common.all}
              clearable
              data={KYC.map((s) => ({ value: s, label: labels.kycStatus[s] ?? s }))}
              value={table.filters.kyc}
              onChange={(v) => table.setFilter('kyc', v as Kyc | null)}
              w={180}
            />
          </>
        }
        rows={list.data?.members}
        rowKey={(m) => m.id}
        page={table.page}
        pageCount={list.data?.pagination.total_pages ?? 1}
        total={list.data?.pagination.total_items}
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
            sortKey: 'member_number',
            render: (m) => m.member_number,
          },
          {
            key: 'name',
            header: labels.fullName,
            sortKey: 'full_name',
            render: (m) => (
              <div>
                <Text size="sm" fw={500}>
                  {m.full_name}
                </Text>
                <Text size="xs" c="gray.7">
                  {m.email}
                </Text>
              </div>
            ),
          },
          {
            key: 'membership',
            header: labels.membership,
            render: (m) => <StatusBadge status={m.membership_status} labels={labels.membershipStatus} />,
          },
          {
            key: 'kyc',
            header: labels.kyc,
            render: (m) => <StatusBadge status={m.kyc_status} labels={labels.kycStatus} />,
          },
          {
            key: 'joined',
            header: labels.joined,
            sortKey: 'created_at',
            render: (m) => date(m.join_date, tenant.timeZone),
          },
          {
            key: 'savings',
            header: labels.savings,
            numeric: true,
            render: (m) => money(m.total_savings, tenant.currency),
          },
          {
            key: 'activity',
            header: labels.lastActivity,
            render: (m) => dateTime(m.last_activity, tenant.timeZone),
          },
          {
            key: 'actions',
            header: t.common.actions,
            render: (m) => (
              <Button
                size="xs"
                variant="light"
                onClick={() => setPicked(m)}
                aria-label={`${labels.changeStatus}: ${m.full_name}`}
              >
                {labels.changeStatus}
              </Button>
            ),
          },
        ]}
      />
      <MemberReview member={picked} onClose={() => setPicked(null)} />
    </>
  );
}

/** One member's KYC documents and the status change an administrator decides on. */
function MemberReview({ member, onClose }: { member: Picked | null; onClose: () => void }) {
  const { t, dateTime } = useI18n();
  const tenant = useTenant();
  const trpc = sinoman.useTRPC();
  const queryClient = useQueryClient();
  const labels = t.members;
  const kycLabels = t.sinoman.kyc;
  const [kycDecision, setKycDecision] = useState<'verified' | 'rejected' | null>(null);
  const [membership, setMembership] = useState<Membership | null>(null);
  const [kyc, setKyc] = useState<Kyc | null>(null);
  const [confirming, setConfirming] = useState(false);
  const documents = useQuery({
    ...trpc.adminMembers.memberDocuments.queryOptions({ member_id: member?.id ?? '' }),
    enabled: member !== null,
  });
  const update = useMutation(
    trpc.adminMembers.updateMemberStatus.mutationOptions({
      onSuccess: async () => {
        notifySuccess(labels.updated);
        await queryClient.invalidateQueries({ queryKey: trpc.adminMembers.pathKey() });
        close();
      },
      onError: (error) => notifyError(t.common.error, error),
    }),
  );
  const close = () => {
    setMembership(null);
    setKyc(null);
    setKycDecision(null);
    setConfirming(false);
    onClose();
  };
  const leavesAccess = membership === 'suspended' || membership === 'inactive';

  return (
    <Drawer
      opened={member !== null}
      onClose={close}
      position="right"
      size="md"
      title={member?.full_name ?? ''}
    >
      {member && (
        <Stack>
          <Text size="sm">
            {labels.memberNumber}: {member.member_number}
          </Text>
          <Group>
            <StatusBadge status={member.membership_status} labels={labels.membershipStatus} />
            <StatusBadge status={member.kyc_status} labels={labels.kycStatus} />
          </Group>
          <Title order={2} size="h4">
            {labels.documents}
          </Title>
          {documents.isPending && <Text size="sm">{t.common.loading}</Text>}
          {documents.data?.documents.length === 0 && <Text size="sm">{labels.noDocuments}</Text>}
          {documents.data?.documents.map((d) => {
            const type = kycLabels.documentTypes[d.document_type] ?? d.document_type;
            return (
              <Stack key={d.id} gap={4}>
                <Group justify="space-between">
                  <Text size="sm" fw={500}>
                    {type}
                  </Text>
                  <Group gap="xs">
                    <StatusBadge status={d.verification_status} labels={labels.kycStatus} />
                    <Text size="xs">{dateTime(d.created_at, tenant.timeZone)}</Text>
                  </Group>
                </Group>
                {d.mime_type.startsWith('image/') && (
                  <Image
                    src={d.document_url}
                    alt={kycLabels.documentAlt(type, member.full_name)}
                    radius="sm"
                    mah={320}
                    fit="contain"
                  />
                )}
                <Anchor href={d.document_url} target="_blank" rel="noreferrer" size="sm">
                  {kycLabels.openDocument(type)}
                </Anchor>
              </Stack>
            );
          })}
          {(documents.data?.documents.length ?? 0) > 0 && (
            <Text size="xs" c="gray.7">
              {kycLabels.linkExpires}
            </Text>
          )}
          {member.kyc_status === 'pending' && (
            <Group>
              <Button color="teal.9" onClick={() => setKycDecision('verified')}>
                {kycLabels.approve}
              </Button>
              <Button color="red" variant="outline" onClick={() => setKycDecision('rejected')}>
                {kycLabels.reject}
              </Button>
            </Group>
          )}
          <ActionDialog
            opened={kycDecision === 'verified'}
            onClose={() => setKycDecision(null)}
            title={kycLabels.approveTitle(member.full_name)}
            message={kycLabels.approveText}
            confirmLabel={kycLabels.approve}
            fields={[{ name: 'notes', label: t.common.note, multiline: true }]}
            onConfirm={(values) =>
              update.mutateAsync({
                member_id: member.id,
                kyc_status: 'verified',
                ...(values.notes?.trim() && { notes: values.notes.trim() }),
              })
            }
          />
          <ActionDialog
            opened={kycDecision === 'rejected'}
            onClose={() => setKycDecision(null)}
            title={kycLabels.rejectTitle(member.full_name)}
            message={kycLabels.rejectText}
            confirmLabel={kycLabels.reject}
            danger
            fields={[{ name: 'notes', label: t.common.reason, required: true, multiline: true }]}
            onConfirm={(values) =>
              update.mutateAsync({
                member_id: member.id,
                kyc_status: 'rejected',
                notes: values.notes!.trim(),
              })
            }
          />
          <Title order={2} size="h4" mt="md">
            {labels.changeStatus}
          </Title>
          <Select
            label={labels.newMembership}
            placeholder={labels.unchanged}
            clearable
            data={MEMBERSHIP.map((s) => ({ value: s, label: labels.membershipStatus[s] ?? s }))}
            value={membership}
            onChange={(v) => setMembership(v as Membership | null)}
          />
          <Select
            label={labels.newKyc}
            placeholder={labels.unchanged}
            clearable
            data={KYC.map((s) => ({ value: s, label: labels.kycStatus[s] ?? s }))}
            value={kyc}
            onChange={(v) => setKyc(v as Kyc | null)}
          />
          <Button
            disabled={!membership && !kyc}
            onClick={() => setConfirming(true)}
            color={leavesAccess ? 'red' : undefined}
          >
            {labels.changeStatus}
          </Button>
          <ActionDialog
            opened={confirming}
            onClose={() => setConfirming(false)}
            title={labels.confirmChange(member.full_name)}
            message={leavesAccess ? labels.confirmSuspend : undefined}
            confirmLabel={t.common.confirm}
            danger={leavesAccess}
            fields={[{ name: 'notes', label: t.common.note, multiline: true }]}
            onConfirm={(values) =>
              update.mutateAsync({
                member_id: member.id,
                ...(membership && { membership_status: membership }),
                ...(kyc && { kyc_status: kyc }),
                ...(values.notes?.trim() && { notes: values.notes.trim() }),
              })
            }
          />
        </Stack>
      )}
    </Drawer>
  );
}
