import { Button, Group, SegmentedControl, Text } from '@mantine/core';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { notifyError, notifySuccess } from '../../api/errors.ts';
import { qutab } from '../../api/trpc.ts';
import { ActionDialog } from '../../components/ActionDialog.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { useTableState } from '../../components/table-state.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useTenant } from '../../layout/tenant-context.ts';

const STATUSES = ['pending', 'approved', 'rejected'] as const;
type Status = (typeof STATUSES)[number];
type Decision = { kind: 'approve' | 'reject'; id: string; name: string };

/** A percentage as typed ("12.5") in basis points, or null when empty. */
function basisPoints(value: string): number | null {
  const trimmed = value.trim().replace(',', '.');
  return trimmed === '' ? null : Math.round(Number(trimmed) * 100);
}

/** Affiliate applications: approve (a referral code, optionally a rate of its own) or reject with a reason. */
export default function AffiliatesPage() {
  const { t, money, date, number } = useI18n();
  const tenant = useTenant();
  const trpc = qutab.useTRPC();
  const queryClient = useQueryClient();
  const labels = t.affiliates;
  const table = useTableState<{ status: Status | 'all' }>({ filters: { status: 'pending' } });
  const [decision, setDecision] = useState<Decision | null>(null);

  const list = useQuery({
    ...trpc.admin.listAffiliates.queryOptions({
      page: table.page,
      limit: 20,
      ...(table.filters.status !== 'all' && { status: table.filters.status }),
    }),
    placeholderData: keepPreviousData,
  });
  const done = (message: string) => async () => {
    notifySuccess(message);
    await queryClient.invalidateQueries({ queryKey: trpc.admin.listAffiliates.pathKey() });
  };
  const onError = (error: unknown) => notifyError(t.common.error, error);
  const approve = useMutation(
    trpc.admin.approve.mutationOptions({ onSuccess: done(labels.approved), onError }),
  );
  const reject = useMutation(
    trpc.admin.reject.mutationOptions({ onSuccess: done(labels.rejected), onError }),
  );

  return (
    <>
      <PageHeader title={labels.title} />
      <DataTable
        caption={labels.title}
        toolbar={
          <SegmentedControl
            aria-label={t.common.status}
            value={table.filters.status}
            onChange={(v) => table.setFilter('status', v as Status | 'all')}
            data={[
              ...STATUSES.map((s) => ({ value: s, label: labels.statuses[s] ?? s })),
              { value: 'all', label: t.common.all },
            ]}
          />
        }
        rows={list.data?.affiliates}
        rowKey={(a) => a.id}
        page={table.page}
        pageCount={list.data?.pagination.total_pages ?? 1}
        total={list.data?.pagination.total}
        onPage={table.setPage}
        fetching={list.isFetching}
        error={list.error}
        onRetry={() => list.refetch()}
        columns={[
          {
            key: 'applicant',
            header: labels.applicant,
            render: (a) => (
              <div>
                <Text size="sm" fw={500}>
                  {a.first_name} {a.last_name}
                </Text>
                <Text size="xs" c="gray.7">
                  {a.email} · {a.whatsapp}
                </Text>
                <Text size="xs" c="gray.7">
                  {a.city} · {a.primary_platform}
                </Text>
              </div>
            ),
          },
          {
            key: 'why',
            header: labels.why,
            render: (a) => (
              <Text size="sm" lineClamp={2} maw={260}>
                {a.reason}
              </Text>
            ),
          },
          {
            key: 'status',
            header: t.common.status,
            render: (a) => <StatusBadge status={a.status} labels={labels.statuses} />,
          },
          { key: 'code', header: labels.code, render: (a) => a.affiliate_code ?? '—' },
          {
            key: 'rate',
            header: labels.rate,
            render: (a) =>
              a.commission_rate_bps === null ? labels.defaultRate : `${number(a.commission_rate_bps / 100)}%`,
          },
          { key: 'clicks', header: labels.clicks, numeric: true, render: (a) => number(a.total_clicks) },
          {
            key: 'commission',
            header: labels.commission,
            numeric: true,
            render: (a) => money(a.total_commission, tenant.currency),
          },
          { key: 'applied', header: labels.applied, render: (a) => date(a.applied_at, tenant.timeZone) },
          {
            key: 'actions',
            header: t.common.actions,
            render: (a) =>
              a.status === 'pending' ? (
                <Group gap="xs" wrap="nowrap">
                  <Button
                    size="xs"
                    onClick={() =>
                      setDecision({ kind: 'approve', id: a.id, name: `${a.first_name} ${a.last_name}` })
                    }
                  >
                    {labels.approve}
                  </Button>
                  <Button
                    size="xs"
                    color="red"
                    variant="outline"
                    onClick={() =>
                      setDecision({ kind: 'reject', id: a.id, name: `${a.first_name} ${a.last_name}` })
                    }
                  >
                    {labels.reject}
                  </Button>
                </Group>
              ) : null,
          },
        ]}
      />
      <ActionDialog
        opened={decision?.kind === 'approve'}
        onClose={() => setDecision(null)}
        title={labels.approveTitle(decision?.name ?? '')}
        message={labels.approveText}
        confirmLabel={labels.approve}
        fields={[
          {
            name: 'rate',
            label: labels.rateLabel,
            validate: (v) => {
              const bps = basisPoints(v);
              return bps !== null && (!Number.isFinite(bps) || bps < 0 || bps > 10_000)
                ? labels.rateLabel
                : null;
            },
          },
        ]}
        onConfirm={(values) =>
          approve.mutateAsync({
            id: Number(decision!.id),
            commission_rate_bps: basisPoints(values.rate ?? ''),
          })
        }
      />
      <ActionDialog
        opened={decision?.kind === 'reject'}
        onClose={() => setDecision(null)}
        title={labels.rejectTitle(decision?.name ?? '')}
        confirmLabel={labels.reject}
        danger
        fields={[{ name: 'reason', label: t.common.reason, required: true, multiline: true }]}
        onConfirm={(values) =>
          reject.mutateAsync({ id: Number(decision!.id), reason: values.reason!.trim() })
        }
      />
    </>
  );
}
