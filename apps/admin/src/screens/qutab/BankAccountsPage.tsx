import { Button, Group, Image, Modal, Text } from '@mantine/core';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { notifyError, notifySuccess } from '../../api/errors.ts';
import { qutab } from '../../api/trpc.ts';
import { ActionDialog } from '../../components/ActionDialog.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useTableState } from '../../components/table-state.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useTenant } from '../../layout/tenant-context.ts';

type Decision = { kind: 'verify' | 'reject'; id: string; version: number };

/** Bank accounts waiting for KTP verification: the signed KTP image beside the account, verify or reject. */
export default function BankAccountsPage() {
  const { t, dateTime } = useI18n();
  const tenant = useTenant();
  const trpc = qutab.useTRPC();
  const queryClient = useQueryClient();
  const labels = t.bankAccounts;
  const table = useTableState({ filters: {} });
  const [decision, setDecision] = useState<Decision | null>(null);
  const [ktp, setKtp] = useState<{ url: string; name: string } | null>(null);

  const list = useQuery({
    ...trpc.admin.pendingBankAccounts.queryOptions({ page: table.page, limit: 20 }),
    placeholderData: keepPreviousData,
  });
  const done = (message: string) => async () => {
    notifySuccess(message);
    await queryClient.invalidateQueries({ queryKey: trpc.admin.pendingBankAccounts.pathKey() });
  };
  const onError = (error: unknown) => notifyError(t.common.error, error);
  const verify = useMutation(
    trpc.admin.verifyBankAccount.mutationOptions({ onSuccess: done(labels.verified), onError }),
  );
  const reject = useMutation(
    trpc.admin.rejectBankAccount.mutationOptions({ onSuccess: done(labels.rejected), onError }),
  );

  return (
    <>
      <PageHeader title={labels.title} />
      <DataTable
        caption={labels.title}
        rows={list.data?.bank_accounts}
        rowKey={(b) => b.id}
        page={table.page}
        pageCount={list.data?.pagination.total_pages ?? 1}
        total={list.data?.pagination.total}
        onPage={table.setPage}
        fetching={list.isFetching}
        error={list.error}
        onRetry={() => list.refetch()}
        columns={[
          {
            key: 'affiliate',
            header: labels.affiliate,
            render: (b) => (
              <div>
                <Text size="sm" fw={500}>
                  {b.affiliate.name}
                </Text>
                <Text size="xs" c="gray.7">
                  {b.affiliate.email ?? b.affiliate.whatsapp}
                </Text>
              </div>
            ),
          },
          { key: 'bank', header: labels.bank, render: (b) => b.bank_name },
          { key: 'number', header: labels.accountNumber, render: (b) => b.account_number },
          { key: 'holder', header: labels.holder, render: (b) => b.account_holder_name },
          {
            key: 'submitted',
            header: labels.submitted,
            render: (b) => dateTime(b.submitted_at, tenant.timeZone),
          },
          {
            key: 'ktp',
            header: labels.ktp,
            render: (b) =>
              b.ktp_url ? (
                <Button
                  size="xs"
                  variant="subtle"
                  onClick={() => setKtp({ url: b.ktp_url!, name: b.account_holder_name })}
                >
                  {labels.showKtp}
                </Button>
              ) : (
                '—'
              ),
          },
          {
            key: 'actions',
            header: t.common.actions,
            render: (b) => (
              <Group gap="xs" wrap="nowrap">
                <Button
                  size="xs"
                  onClick={() => setDecision({ kind: 'verify', id: b.id, version: b.version })}
                >
                  {labels.verify}
                </Button>
                <Button
                  size="xs"
                  color="red"
                  variant="outline"
                  onClick={() => setDecision({ kind: 'reject', id: b.id, version: b.version })}
                >
                  {labels.reject}
                </Button>
              </Group>
            ),
          },
        ]}
      />
      <Modal opened={ktp !== null} onClose={() => setKtp(null)} title={labels.ktp} size="lg" centered>
        {ktp && <Image src={ktp.url} alt={labels.ktpAlt(ktp.name)} radius="sm" />}
      </Modal>
      <ActionDialog
        opened={decision?.kind === 'verify'}
        onClose={() => setDecision(null)}
        title={labels.verifyTitle}
        message={labels.verifyText}
        confirmLabel={labels.verify}
        onConfirm={() => verify.mutateAsync({ id: Number(decision!.id), version: decision!.version })}
      />
      <ActionDialog
        opened={decision?.kind === 'reject'}
        onClose={() => setDecision(null)}
        title={labels.rejectTitle}
        confirmLabel={labels.reject}
        danger
        fields={[{ name: 'reason', label: t.common.reason, required: true, multiline: true }]}
        onConfirm={(values) =>
          reject.mutateAsync({
            id: Number(decision!.id),
            version: decision!.version,
            reason: values.reason!.trim(),
          })
        }
      />
    </>
  );
}
