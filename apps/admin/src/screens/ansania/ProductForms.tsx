import { isKomisiError } from '@komisi/sdk';
import {
  Alert,
  Button,
  Group,
  Modal,
  NumberInput,
  SimpleGrid,
  Stack,
  Switch,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { messageOf, notifySuccess } from '../../api/errors.ts';
import { ansania } from '../../api/trpc.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useTenant } from '../../layout/tenant-context.ts';

/** The product a form edits (its own fields; variants are edited one by one). */
export interface ProductDraft {
  id: number;
  name: string;
  slug: string | null;
  price: number;
}

/** `Oak Dining Table` → `oak-dining-table`: the slug suggested while a new product's name is typed. */
export const slugOf = (name: string) =>
  name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 160);

/** A refusal of the API: its message for the form's alert, each field it names onto that field. */
function useRefusal(form: { setErrors: (errors: Record<string, string>) => void }) {
  const [refusal, setRefusal] = useState<string | null>(null);
  const onError = (error: unknown) => {
    setRefusal(messageOf(error));
    if (isKomisiError(error) && error.fields)
      form.setErrors(Object.fromEntries(Object.entries(error.fields).map(([k, v]) => [k, v.join(', ')])));
  };
  return { refusal, clear: () => setRefusal(null), onError };
}

interface ProductValues {
  name: string;
  slug: string;
  description: string;
  price: number | '';
}

/** Creates a product, or edits one (`product`): the fields changed only. */
export function ProductDialog(props: { product: ProductDraft | null; onClose: () => void }) {
  const { t, language } = useI18n();
  const tenant = useTenant();
  const trpc = ansania.useTRPC();
  const queryClient = useQueryClient();
  const labels = t.ansania.shopCatalog;
  const editing = props.product;
  const scale = 10 ** tenant.currencyDigits;
  const form = useForm<ProductValues>({
    mode: 'controlled',
    initialValues: {
      name: editing?.name ?? '',
      slug: editing?.slug ?? '',
      description: '',
      price: editing ? editing.price / scale : '',
    },
    validate: {
      name: (v) => (v.trim() ? null : t.common.required),
      slug: (v) => (v.trim() ? null : t.common.required),
      price: (v) => (v === '' ? t.common.required : null),
    },
  });
  const { refusal, clear, onError } = useRefusal(form);
  const onSuccess = async () => {
    notifySuccess(labels.productSaved);
    await queryClient.invalidateQueries({ queryKey: trpc.adminCatalog.pathKey() });
    props.onClose();
  };
  const create = useMutation(trpc.adminCatalog.createProduct.mutationOptions({ onSuccess, onError }));
  const update = useMutation(trpc.adminCatalog.updateProduct.mutationOptions({ onSuccess, onError }));

  const submit = form.onSubmit((v) => {
    clear();
    const fields = {
      name: v.name.trim(),
      slug: v.slug.trim(),
      price: Math.round(Number(v.price) * scale),
      ...(v.description.trim() && { description: v.description.trim() }),
    };
    if (!editing) {
      create.mutate(fields);
      return;
    }
    const changed = Object.fromEntries(
      Object.entries(fields).filter(([key]) => form.isDirty(key as keyof ProductValues)),
    );
    update.mutate({ id: editing.id, ...changed });
  });

  return (
    <Modal
      opened
      onClose={props.onClose}
      title={editing ? labels.editProduct(editing.name) : labels.newProduct}
      centered
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          {refusal && (
            <Alert color="red" title={t.common.error} role="alert">
              {refusal}
            </Alert>
          )}
          <TextInput
            label={labels.name}
            required
            {...form.getInputProps('name')}
            onChange={(e) => {
              const name = e.currentTarget.value;
              form.setFieldValue('name', name);
              // a new product's slug follows its name until the slug is typed
              if (!editing && !form.isTouched('slug')) form.setFieldValue('slug', slugOf(name));
            }}
          />
          <TextInput label={labels.slug} required {...form.getInputProps('slug')} />
          <Textarea label={labels.description} autosize minRows={2} {...form.getInputProps('description')} />
          <NumberInput
            label={labels.basePrice(tenant.currency)}
            required
            min={1}
            decimalScale={tenant.currencyDigits}
            thousandSeparator={language === 'id' ? '.' : ','}
            decimalSeparator={language === 'id' ? ',' : '.'}
            {...form.getInputProps('price')}
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

interface VariantValues {
  sku: string;
  color: string;
  finishing: string;
  size: string;
  price: number | '';
  stock: number | '';
  is_visible: boolean;
}

/** Adds a variant to a product, with its price and the stock on hand. */
export function VariantDialog(props: { productId: number; onClose: () => void }) {
  const { t, language } = useI18n();
  const tenant = useTenant();
  const trpc = ansania.useTRPC();
  const queryClient = useQueryClient();
  const labels = t.ansania.shopCatalog;
  const scale = 10 ** tenant.currencyDigits;
  const form = useForm<VariantValues>({
    mode: 'controlled',
    initialValues: { sku: '', color: '', finishing: '', size: '', price: '', stock: 0, is_visible: true },
    validate: {
      sku: (v) => (v.trim() ? null : t.common.required),
      price: (v) => (v === '' ? t.common.required : null),
    },
  });
  const { refusal, clear, onError } = useRefusal(form);
  const create = useMutation(
    trpc.adminCatalog.createVariant.mutationOptions({
      onSuccess: async () => {
        notifySuccess(labels.variantAdded);
        await queryClient.invalidateQueries({ queryKey: trpc.adminCatalog.pathKey() });
        props.onClose();
      },
      onError,
    }),
  );
  const optional = (v: string) => v.trim() || null;
  const submit = form.onSubmit((v) => {
    clear();
    create.mutate({
      id: props.productId,
      sku: v.sku.trim(),
      color: optional(v.color),
      finishing: optional(v.finishing),
      size: optional(v.size),
      price: Math.round(Number(v.price) * scale),
      stock: v.stock === '' ? 0 : v.stock,
      is_visible: v.is_visible,
    });
  });

  return (
    <Modal opened onClose={props.onClose} title={labels.addVariant} centered>
      <form onSubmit={submit} noValidate>
        <Stack>
          {refusal && (
            <Alert color="red" title={t.common.error} role="alert">
              {refusal}
            </Alert>
          )}
          <TextInput label={labels.sku} required {...form.getInputProps('sku')} />
          <SimpleGrid cols={3}>
            <TextInput label={labels.color} {...form.getInputProps('color')} />
            <TextInput label={labels.finishing} {...form.getInputProps('finishing')} />
            <TextInput label={labels.size} {...form.getInputProps('size')} />
          </SimpleGrid>
          <SimpleGrid cols={2}>
            <NumberInput
              label={labels.variantPrice(tenant.currency)}
              required
              min={1}
              decimalScale={tenant.currencyDigits}
              thousandSeparator={language === 'id' ? '.' : ','}
              decimalSeparator={language === 'id' ? ',' : '.'}
              {...form.getInputProps('price')}
            />
            <NumberInput
              label={labels.openingStock}
              min={0}
              allowDecimal={false}
              {...form.getInputProps('stock')}
            />
          </SimpleGrid>
          <Switch label={labels.visible} {...form.getInputProps('is_visible', { type: 'checkbox' })} />
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>
              {t.common.cancel}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t.common.save}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
