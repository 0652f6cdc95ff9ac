import '@mantine/dates/styles.css';
import 'dayjs/locale/id';
import { isKomisiError } from '@komisi/sdk';
import {
  Alert,
  Button,
  Group,
  Modal,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Textarea,
  TextInput,
} from '@mantine/core';
import { DatesProvider, DateTimePicker } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { messageOf, notifySuccess } from '../../api/errors.ts';
import { ansania } from '../../api/trpc.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { fromPicker, toPicker } from '../../i18n/zoned-picker.ts';
import { useTenant } from '../../layout/tenant-context.ts';
import type { AdminVoucher } from './voucher-format.ts';

const TYPES = ['percentage', 'fixed', 'free_shipping'] as const;
type DiscountType = (typeof TYPES)[number];

/**
 * The form's values, named as the API names its fields so that a refusal's fields land on theirs.
 * Amounts are in the currency's major unit, as an administrator types them; dates are the picker's
 * local `YYYY-MM-DD HH:mm:ss`.
 */
interface Draft {
  code: string;
  name: string;
  description: string;
  discount_type: DiscountType;
  discount_value: number | '';
  max_discount_amount: number | '';
  min_purchase_amount: number | '';
  start_date: string | null;
  end_date: string | null;
  usage_limit: number | '';
  per_customer_limit: number | '';
  is_public: boolean;
}

/** Creates a voucher, or edits one (sending only the fields changed), through `adminVouchers.*`. */
export function VoucherDialog(props: { voucher: AdminVoucher | null; onClose: () => void }) {
  const { t, language } = useI18n();
  const tenant = useTenant();
  const trpc = ansania.useTRPC();
  const queryClient = useQueryClient();
  const labels = t.ansania.vouchers;
  const editing = props.voucher;
  const scale = 10 ** tenant.currencyDigits;
  const major = (minor: number | null) => (minor === null ? '' : minor / scale);
  const minor = (value: number | '') => (value === '' ? null : Math.round(value * scale));
  const [refusal, setRefusal] = useState<string | null>(null);

  const form = useForm<Draft>({
    mode: 'controlled',
    initialValues: editing
      ? {
          code: editing.code,
          name: editing.name,
          description: editing.description ?? '',
          discount_type: editing.discount_type,
          discount_value:
            editing.discount_type === 'percentage' ? editing.discount_value : major(editing.discount_value),
          max_discount_amount: major(editing.max_discount_amount),
          min_purchase_amount: major(editing.min_purchase_amount),
          start_date: toPicker(editing.start_date, tenant.timeZone),
          end_date: toPicker(editing.end_date, tenant.timeZone),
          usage_limit: editing.usage_limit ?? '',
          per_customer_limit: editing.per_customer_limit ?? '',
          is_public: editing.is_public,
        }
      : {
          code: '',
          name: '',
          description: '',
          discount_type: 'percentage',
          discount_value: '',
          max_discount_amount: '',
          min_purchase_amount: 0,
          start_date: null,
          end_date: null,
          usage_limit: '',
          per_customer_limit: '',
          is_public: true,
        },
    validate: {
      code: (v) => (v.trim() ? null : t.common.required),
      name: (v) => (v.trim() ? null : t.common.required),
      discount_value: (v, values) =>
        v === '' && values.discount_type !== 'free_shipping' ? t.common.required : null,
    },
  });

  const onSuccess = async () => {
    notifySuccess(labels.saved);
    await queryClient.invalidateQueries({ queryKey: trpc.adminVouchers.pathKey() });
    props.onClose();
  };
  /** The API's refusal: its message above the form, each field it names under that field. */
  const onError = (error: unknown) => {
    setRefusal(messageOf(error));
    if (isKomisiError(error) && error.fields)
      form.setErrors(Object.fromEntries(Object.entries(error.fields).map(([k, v]) => [k, v.join(', ')])));
  };
  const create = useMutation(trpc.adminVouchers.create.mutationOptions({ onSuccess, onError }));
  const update = useMutation(trpc.adminVouchers.update.mutationOptions({ onSuccess, onError }));

  const submit = form.onSubmit((v) => {
    setRefusal(null);
    const value =
      v.discount_value === ''
        ? 0
        : v.discount_type === 'percentage'
          ? v.discount_value
          : minor(v.discount_value)!;
    const fields = {
      code: v.code.trim(),
      name: v.name.trim(),
      description: v.description.trim() || null,
      discount_type: v.discount_type,
      discount_value: value,
      max_discount_amount: minor(v.max_discount_amount),
      min_purchase_amount: minor(v.min_purchase_amount) ?? 0,
      start_date: fromPicker(v.start_date, tenant.timeZone),
      end_date: fromPicker(v.end_date, tenant.timeZone),
      usage_limit: v.usage_limit === '' ? null : v.usage_limit,
      per_customer_limit: v.per_customer_limit === '' ? null : v.per_customer_limit,
      is_public: v.is_public,
    };
    if (!editing) {
      // a new voucher: what is empty is left to the API's defaults
      create.mutate(
        Object.fromEntries(Object.entries(fields).filter(([, x]) => x !== null)) as typeof fields & {
          description?: string;
        },
      );
      return;
    }
    // an edit sends the fields changed only: a used voucher's fixed terms are not sent back unchanged
    const changed = Object.fromEntries(
      Object.entries(fields).filter(([key]) => form.isDirty(key as keyof Draft)),
    ) as Partial<typeof fields>;
    if ('discount_type' in changed || 'discount_value' in changed) {
      changed.discount_type = fields.discount_type;
      changed.discount_value = fields.discount_value;
    }
    update.mutate({ id: editing.id, ...changed });
  });

  const moneyLabel = (label: string) => `${label} (${tenant.currency})`;
  const isPercent = form.values.discount_type === 'percentage';

  return (
    <Modal
      opened
      onClose={props.onClose}
      title={editing ? labels.editVoucher(editing.code) : labels.newVoucher}
      size="lg"
      centered
    >
      <DatesProvider settings={{ locale: language }}>
        <form onSubmit={submit} noValidate>
          <Stack>
            {refusal && (
              <Alert color="red" title={t.common.error} role="alert">
                {refusal}
              </Alert>
            )}
            {editing && editing.used_count > 0 && (
              <Alert color="blue" variant="light" role="note">
                {labels.fixedTerms}
              </Alert>
            )}
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput label={labels.code} required {...form.getInputProps('code')} />
              <TextInput label={labels.name} required {...form.getInputProps('name')} />
            </SimpleGrid>
            <Textarea
              label={labels.description}
              autosize
              minRows={2}
              {...form.getInputProps('description')}
            />
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <Select
                label={labels.discountType}
                data={TYPES.map((type) => ({ value: type, label: labels.types[type] ?? type }))}
                allowDeselect={false}
                {...form.getInputProps('discount_type')}
              />
              <NumberInput
                label={isPercent ? labels.percentValue : moneyLabel(labels.discountValue)}
                required={form.values.discount_type !== 'free_shipping'}
                min={0}
                max={isPercent ? 100 : undefined}
                decimalScale={isPercent ? 2 : tenant.currencyDigits}
                thousandSeparator={isPercent ? undefined : language === 'id' ? '.' : ','}
                decimalSeparator={language === 'id' ? ',' : '.'}
                suffix={isPercent ? ' %' : undefined}
                {...form.getInputProps('discount_value')}
              />
              <NumberInput
                label={moneyLabel(labels.maxDiscount)}
                min={0}
                decimalScale={tenant.currencyDigits}
                thousandSeparator={language === 'id' ? '.' : ','}
                decimalSeparator={language === 'id' ? ',' : '.'}
                {...form.getInputProps('max_discount_amount')}
              />
              <NumberInput
                label={moneyLabel(labels.minPurchase)}
                min={0}
                decimalScale={tenant.currencyDigits}
                thousandSeparator={language === 'id' ? '.' : ','}
                decimalSeparator={language === 'id' ? ',' : '.'}
                {...form.getInputProps('min_purchase_amount')}
              />
              <DateTimePicker
                label={labels.startDate}
                description={tenant.timeZone}
                clearable
                valueFormat="DD MMM YYYY HH:mm"
                {...form.getInputProps('start_date')}
              />
              <DateTimePicker
                label={labels.endDate}
                description={tenant.timeZone}
                clearable
                valueFormat="DD MMM YYYY HH:mm"
                {...form.getInputProps('end_date')}
              />
              <NumberInput
                label={labels.usageLimit}
                min={0}
                allowDecimal={false}
                {...form.getInputProps('usage_limit')}
              />
              <NumberInput
                label={labels.perCustomerLimit}
                min={0}
                allowDecimal={false}
                {...form.getInputProps('per_customer_limit')}
              />
            </SimpleGrid>
            <Switch label={labels.isPublic} {...form.getInputProps('is_public', { type: 'checkbox' })} />
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
      </DatesProvider>
    </Modal>
  );
}
