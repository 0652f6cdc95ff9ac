import { Button, Group, Modal, NumberInput, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { notifyError, notifySuccess } from '../../api/errors.ts';
import { dtehm } from '../../api/trpc.ts';
import { minorDigits } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useTenant } from '../../layout/tenant-context.ts';

/** A product as the form edits it: the price in the currency's major unit, as an administrator types it. */
export interface ProductDraft {
  id?: number;
  name: string;
  categoryId: string | null;
  price: number | '';
  stock: number | '';
  specifications: string;
}

export const EMPTY_PRODUCT: ProductDraft = {
  name: '',
  categoryId: null,
  price: '',
  stock: '',
  specifications: '',
};

/** Creates a product, or changes one (`draft.id`), through the admin procedures. */
export function ProductDialog(props: {
  draft: ProductDraft | null;
  categories: { value: string; label: string }[];
  onClose: () => void;
}) {
  const { t } = useI18n();
  const tenant = useTenant();
  const trpc = dtehm.useTRPC();
  const queryClient = useQueryClient();
  const labels = t.catalog;
  const digits = minorDigits(tenant.currency);
  const form = useForm<ProductDraft>({
    mode: 'controlled',
    initialValues: props.draft ?? EMPTY_PRODUCT,
    validate: {
      name: (v) => (v.trim() ? null : t.common.required),
      price: (v) => (v === '' ? t.common.required : null),
    },
  });
  const onSuccess = async () => {
    notifySuccess(labels.saved);
    await queryClient.invalidateQueries({ queryKey: trpc.products.pathKey() });
    // the categories' product counts
    await queryClient.invalidateQueries({ queryKey: trpc.admin.categories.pathKey() });
    props.onClose();
  };
  const onError = (error: unknown) => notifyError(t.common.error, error);
  const create = useMutation(trpc.admin.createProduct.mutationOptions({ onSuccess, onError }));
  const update = useMutation(trpc.admin.updateProduct.mutationOptions({ onSuccess, onError }));

  const submit = form.onSubmit((v) => {
    const fields = {
      name: v.name.trim(),
      // the API takes integer minor units
      price: Math.round(Number(v.price) * 10 ** digits),
      category_id: v.categoryId === null ? null : Number(v.categoryId),
      // a product's specifications are not in the list it was opened from: sent only when typed
      ...(form.isDirty('specifications') && { specifications: v.specifications.trim() || null }),
      ...(v.stock !== '' && { stock_quantity: Number(v.stock) }),
    };
    if (props.draft?.id !== undefined) update.mutate({ id: props.draft.id, ...fields });
    else create.mutate(fields);
  });

  return (
    <Modal
      opened={props.draft !== null}
      onClose={props.onClose}
      title={props.draft?.id !== undefined ? labels.editProduct : labels.newProduct}
      centered
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          <TextInput label={labels.product} required {...form.getInputProps('name')} />
          <Select
            label={labels.category}
            clearable
            data={props.categories}
            {...form.getInputProps('categoryId')}
          />
          <Group grow>
            <NumberInput
              label={`${labels.price} (${tenant.currency})`}
              required
              min={0}
              decimalScale={digits}
              thousandSeparator
              {...form.getInputProps('price')}
            />
            <NumberInput label={labels.stock} min={0} allowDecimal={false} {...form.getInputProps('stock')} />
          </Group>
          <Textarea
            label={labels.specifications}
            autosize
            minRows={2}
            {...form.getInputProps('specifications')}
          />
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
