import type { AffiliateMarketerOutputs } from '@komisi/sdk';
import { isKomisiError } from '@komisi/sdk';
import {
  Button,
  Group,
  Modal,
  NumberInput,
  PasswordInput,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDebouncedValue } from '@mantine/hooks';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { notifyError, notifySuccess } from '../../api/errors.ts';
import { affiliateMarketer } from '../../api/trpc.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useTableState } from '../../components/table-state.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useTenant } from '../../layout/tenant-context.ts';

type Affiliate = AffiliateMarketerOutputs['admin']['listAffiliates']['affiliates'][number];

/** The shop's voucher-code affiliates: searched and paged on the server; created and edited in a form. */
export default function VoucherAffiliatesPage() {
  const { t, date } = useI18n();
  const tenant = useTenant();
  const trpc = affiliateMarketer.useTRPC();
  const labels = t.ansania.voucherAffiliates;
  const table = useTableState<{ search: string }>({ filters: { search: '' } });
  const [search] = useDebouncedValue(table.filters.search.trim(), 300);
  const [editing, setEditing] = useState<Affiliate | 'new' | null>(null);
  const list = useQuery({
    ...trpc.admin.listAffiliates.queryOptions({ page: table.page, limit: 20, ...(search && { search }) }),
    placeholderData: keepPreviousData,
  });
  const percent = (value: number | null) => (value === null ? '—' : `${value}%`);

  return (
    <>
      <PageHeader title={labels.title}>
        <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing('new')}>
          {labels.newAffiliate}
        </Button>
      </PageHeader>
      <DataTable
        caption={labels.title}
        toolbar={
          <TextInput
            label={t.common.search}
            placeholder={labels.searchPlaceholder}
            leftSection={<IconSearch size={16} aria-hidden />}
            value={table.filters.search}
            onChange={(e) => table.setFilter('search', e.currentTarget.value)}
            w={260}
          />
        }
        rows={list.data?.affiliates}
        rowKey={(a) => String(a.id)}
        page={table.page}
        pageCount={list.data?.pagination.totalPages ?? 1}
        total={list.data?.pagination.total}
        onPage={table.setPage}
        fetching={list.isFetching}
        error={list.error}
        onRetry={() => list.refetch()}
        columns={[
          {
            key: 'name',
            header: labels.name,
            render: (a) => (
              <div>
                <Text size="sm">{a.name}</Text>
                <Text size="xs" c="gray.7">
                  {a.email}
                </Text>
              </div>
            ),
          },
          {
            key: 'code',
            header: labels.code,
            render: (a) =>
              a.voucherCode ? (
                <Text size="sm" ff="monospace">
                  {a.voucherCode}
                </Text>
              ) : (
                <Text size="sm" c="gray.7">
                  {labels.noVoucher}
                </Text>
              ),
          },
          {
            key: 'discount',
            header: labels.discount,
            numeric: true,
            render: (a) => percent(a.discountPercent),
          },
          {
            key: 'commission',
            header: labels.commission,
            numeric: true,
            render: (a) => percent(a.commissionPercent),
          },
          { key: 'joined', header: labels.joined, render: (a) => date(a.createdAt, tenant.timeZone) },
          {
            key: 'actions',
            header: t.common.actions,
            render: (a) => (
              <Button
                size="xs"
                variant="default"
                aria-label={`${labels.edit}: ${a.name}`}
                onClick={() => setEditing(a)}
              >
                {labels.edit}
              </Button>
            ),
          },
        ]}
      />
      {editing !== null && (
        <AffiliateDialog affiliate={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
      )}
    </>
  );
}

interface Draft {
  name: string;
  email: string;
  password: string;
  voucher_code: string;
  discount_percent: number | '';
  commission_percent: number | '';
}

/** Creates an affiliate (account and voucher), or changes one (the fields changed only). */
function AffiliateDialog(props: { affiliate: Affiliate | null; onClose: () => void }) {
  const { t } = useI18n();
  const trpc = affiliateMarketer.useTRPC();
  const queryClient = useQueryClient();
  const labels = t.ansania.voucherAffiliates;
  const a = props.affiliate;
  const form = useForm<Draft>({
    mode: 'controlled',
    initialValues: {
      name: a?.name ?? '',
      email: a?.email ?? '',
      password: '',
      voucher_code: a?.voucherCode ?? '',
      discount_percent: a?.discountPercent ?? '',
      commission_percent: a?.commissionPercent ?? '',
    },
    validate: {
      name: (v) => (v.trim() ? null : t.common.required),
      email: (v) => (v.trim() ? null : t.common.required),
      password: (v) => (a || v ? null : t.common.required),
      voucher_code: (v) => (a || v.trim() ? null : t.common.required),
      discount_percent: (v) => (a || v !== '' ? null : t.common.required),
      commission_percent: (v) => (a || v !== '' ? null : t.common.required),
    },
  });
  const onSuccess = async () => {
    notifySuccess(labels.saved);
    await queryClient.invalidateQueries({ queryKey: trpc.admin.listAffiliates.queryKey() });
    props.onClose();
  };
  // the API's refusal: its message, and each field it names under that field
  const onError = (error: unknown) => {
    notifyError(t.common.error, error);
    if (isKomisiError(error) && error.fields)
      form.setErrors(Object.fromEntries(Object.entries(error.fields).map(([k, v]) => [k, v.join(', ')])));
  };
  const create = useMutation(trpc.admin.createAffiliate.mutationOptions({ onSuccess, onError }));
  const update = useMutation(trpc.admin.updateAffiliate.mutationOptions({ onSuccess, onError }));

  const submit = form.onSubmit((v) => {
    const fields = {
      name: v.name.trim(),
      email: v.email.trim(),
      password: v.password,
      voucher_code: v.voucher_code.trim(),
      discount_percent: Number(v.discount_percent),
      commission_percent: Number(v.commission_percent),
    };
    if (!a) {
      create.mutate(fields);
      return;
    }
    const changed = Object.fromEntries(
      Object.entries(fields).filter(
        ([key]) => form.isDirty(key as keyof Draft) && !(key === 'password' && !v.password),
      ),
    );
    update.mutate({ id: a.id, ...changed });
  });

  return (
    <Modal
      opened
      onClose={props.onClose}
      title={a ? labels.editAffiliate(a.name) : labels.newAffiliate}
      centered
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          <TextInput label={labels.name} required {...form.getInputProps('name')} />
          <TextInput label={labels.email} type="email" required {...form.getInputProps('email')} />
          <PasswordInput
            label={a ? labels.passwordKeep : labels.password}
            required={!a}
            autoComplete="new-password"
            {...form.getInputProps('password')}
          />
          <TextInput label={labels.code} required={!a} {...form.getInputProps('voucher_code')} />
          <SimpleGrid cols={2}>
            <NumberInput
              label={labels.discount}
              required={!a}
              min={0}
              max={100}
              decimalScale={2}
              {...form.getInputProps('discount_percent')}
            />
            <NumberInput
              label={labels.commission}
              required={!a}
              min={0}
              max={100}
              decimalScale={2}
              {...form.getInputProps('commission_percent')}
            />
          </SimpleGrid>
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>
              {t.common.cancel}
            </Button>
            <Button type="submit" loading={create.isPending || update.isPending}>
              {t.common.save}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
