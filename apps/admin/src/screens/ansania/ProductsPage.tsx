import type { AnsaniaOutputs } from '@komisi/sdk';
import { Alert, Button, Drawer, Group, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { messageOf, notifyError, notifySuccess } from '../../api/errors.ts';
import { ansania } from '../../api/trpc.ts';
import { ActionDialog } from '../../components/ActionDialog.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { useTableState } from '../../components/table-state.ts';
import { parseMajorAmount } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useTenant } from '../../layout/tenant-context.ts';
import { ProductDialog, type ProductDraft, VariantDialog } from './ProductForms.tsx';

type ProductRow = AnsaniaOutputs['adminCatalog']['list']['products'][number];
type Variant = AnsaniaOutputs['adminCatalog']['detail']['product']['variants'][number];
type Action = { kind: 'adjust' | 'price' | 'visibility'; variant: Variant };

/** The shop's products: searched and paged on the server; each product's variants with their stock. */
export default function ProductsPage() {
  const { t, money, number } = useI18n();
  const tenant = useTenant();
  const trpc = ansania.useTRPC();
  const labels = t.ansania.shopCatalog;
  const table = useTableState<{ search: string }>({ filters: { search: '' } });
  const [search] = useDebouncedValue(table.filters.search.trim(), 300);
  const [opened, setOpened] = useState<ProductRow | null>(null);
  const [editing, setEditing] = useState<ProductDraft | 'new' | null>(null);
  const list = useQuery({
    ...trpc.adminCatalog.list.queryOptions({ page: table.page, limit: 20, ...(search && { search }) }),
    placeholderData: keepPreviousData,
  });
  const priceRange = (p: ProductRow) =>
    p.min_price === null || p.max_price === null
      ? money(p.price, tenant.currency)
      : p.min_price === p.max_price
        ? money(p.min_price, tenant.currency)
        : `${money(p.min_price, tenant.currency)} – ${money(p.max_price, tenant.currency)}`;

  return (
    <>
      <PageHeader title={labels.title}>
        <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing('new')}>
          {labels.newProduct}
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
        rows={list.data?.products}
        rowKey={(p) => String(p.id)}
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
            header: labels.product,
            render: (p) => (
              <div>
                <Text size="sm">{p.name}</Text>
                <Text size="xs" c="gray.7">
                  {p.slug ?? '—'}
                </Text>
              </div>
            ),
          },
          { key: 'variants', header: labels.variants, numeric: true, render: (p) => number(p.variant_count) },
          { key: 'stock', header: labels.stock, numeric: true, render: (p) => number(p.total_stock) },
          { key: 'price', header: labels.price, numeric: true, render: priceRange },
          {
            key: 'actions',
            header: t.common.actions,
            render: (p) => (
              <Group gap="xs" wrap="nowrap">
                <Button
                  size="xs"
                  variant="light"
                  aria-label={`${labels.open}: ${p.name}`}
                  onClick={() => setOpened(p)}
                >
                  {labels.open}
                </Button>
                <Button
                  size="xs"
                  variant="default"
                  aria-label={`${labels.edit}: ${p.name}`}
                  onClick={() => setEditing({ id: p.id, name: p.name, slug: p.slug, price: p.price })}
                >
                  {labels.edit}
                </Button>
              </Group>
            ),
          },
        ]}
      />
      <VariantsDrawer product={opened} onClose={() => setOpened(null)} />
      {editing !== null && (
        <ProductDialog product={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
      )}
    </>
  );
}

/** One product's variants: stock counted in or out with a reason, price, visibility; each asked first. */
function VariantsDrawer(props: { product: ProductRow | null; onClose: () => void }) {
  const { t, money, number, language } = useI18n();
  const tenant = useTenant();
  const trpc = ansania.useTRPC();
  const queryClient = useQueryClient();
  const labels = t.ansania.shopCatalog;
  const [action, setAction] = useState<Action | null>(null);
  const [adding, setAdding] = useState(false);
  const detail = useQuery({
    ...trpc.adminCatalog.detail.queryOptions({ id: props.product?.id ?? 0 }),
    enabled: props.product !== null,
  });
  const onSuccess = (message: string) => async () => {
    notifySuccess(message);
    await queryClient.invalidateQueries({ queryKey: trpc.adminCatalog.pathKey() });
  };
  const onError = (error: unknown) => notifyError(t.common.error, error);
  const adjust = useMutation(
    trpc.adminCatalog.adjustStock.mutationOptions({ onSuccess: onSuccess(labels.adjusted), onError }),
  );
  const update = useMutation(
    trpc.adminCatalog.updateVariant.mutationOptions({ onSuccess: onSuccess(labels.saved), onError }),
  );
  const variants = props.product ? detail.data?.product.variants : undefined;
  const options = (v: Variant) => [v.color, v.finishing, v.size].filter(Boolean).join(' · ') || '—';

  return (
    <Drawer
      opened={props.product !== null}
      onClose={props.onClose}
      position="right"
      size="56rem"
      title={props.product ? labels.variantsTitle(props.product.name) : ''}
    >
      {detail.error && (
        <Alert color="red" title={t.common.error}>
          {messageOf(detail.error)}
        </Alert>
      )}
      {!variants && !detail.error && <Text>{t.common.loading}</Text>}
      {variants && (
        <Group justify="flex-end" mb="sm">
          <Button size="xs" leftSection={<IconPlus size={14} aria-hidden />} onClick={() => setAdding(true)}>
            {labels.addVariant}
          </Button>
        </Group>
      )}
      {adding && props.product && (
        <VariantDialog productId={props.product.id} onClose={() => setAdding(false)} />
      )}
      {variants && (
        <Table striped verticalSpacing="xs">
          <Table.Caption className="visually-hidden">{labels.variants}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{labels.sku}</Table.Th>
              <Table.Th>{labels.options}</Table.Th>
              <Table.Th ta="right">{labels.price}</Table.Th>
              <Table.Th ta="right">{labels.stock}</Table.Th>
              <Table.Th>{t.common.status}</Table.Th>
              <Table.Th>{t.common.actions}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {variants.map((v) => (
              <Table.Tr key={v.id}>
                <Table.Td>
                  <Text size="sm" ff="monospace">
                    {v.sku}
                  </Text>
                </Table.Td>
                <Table.Td>{options(v)}</Table.Td>
                <Table.Td ta="right">{money(v.price, tenant.currency)}</Table.Td>
                <Table.Td ta="right">{number(v.stock)}</Table.Td>
                <Table.Td>
                  <StatusBadge
                    status={v.is_visible ? 'active' : 'inactive'}
                    labels={{ active: labels.visible, inactive: labels.hidden }}
                  />
                </Table.Td>
                <Table.Td>
                  <Group gap="xs" wrap="nowrap">
                    <Button
                      size="xs"
                      aria-label={`${labels.adjust}: ${v.sku}`}
                      onClick={() => setAction({ kind: 'adjust', variant: v })}
                    >
                      {labels.adjust}
                    </Button>
                    <Button
                      size="xs"
                      variant="default"
                      aria-label={`${labels.editPrice}: ${v.sku}`}
                      onClick={() => setAction({ kind: 'price', variant: v })}
                    >
                      {labels.editPrice}
                    </Button>
                    <Button
                      size="xs"
                      variant="outline"
                      color={v.is_visible ? 'red' : 'teal'}
                      aria-label={`${v.is_visible ? labels.hide : labels.show}: ${v.sku}`}
                      onClick={() => setAction({ kind: 'visibility', variant: v })}
                    >
                      {v.is_visible ? labels.hide : labels.show}
                    </Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
            {variants.length === 0 && (
              <Table.Tr>
                <Table.Td colSpan={6}>
                  <Text ta="center" py="md">
                    {labels.none}
                  </Text>
                </Table.Td>
              </Table.Tr>
            )}
          </Table.Tbody>
        </Table>
      )}
      <ActionDialog
        opened={action?.kind === 'adjust'}
        onClose={() => setAction(null)}
        title={action ? labels.adjustTitle(action.variant.sku) : ''}
        message={action ? labels.adjustText(number(action.variant.stock)) : ''}
        confirmLabel={labels.adjust}
        fields={[
          {
            name: 'change',
            label: labels.change,
            required: true,
            validate: (v) =>
              /^[+-]?\d{1,6}$/.test(v.trim()) && Number(v) !== 0 ? null : labels.changeInvalid,
          },
          { name: 'reason', label: labels.reason, required: true, multiline: true },
        ]}
        onConfirm={(values) =>
          adjust.mutateAsync({
            id: action!.variant.id,
            change: Number(values.change!.trim()),
            reason: values.reason!.trim(),
          })
        }
      />
      <ActionDialog
        opened={action?.kind === 'price'}
        onClose={() => setAction(null)}
        title={action ? labels.priceTitle(action.variant.sku) : ''}
        message={labels.priceText}
        confirmLabel={t.common.save}
        fields={[
          {
            name: 'price',
            label: labels.newPrice(tenant.currency),
            required: true,
            validate: (v) =>
              (parseMajorAmount(v, tenant.currency, language) ?? 0) >= 1 ? null : labels.priceInvalid,
          },
        ]}
        onConfirm={(values) =>
          update.mutateAsync({
            id: action!.variant.id,
            // typed in the currency's major unit as the reader's language writes numbers
            price: parseMajorAmount(values.price!, tenant.currency, language)!,
          })
        }
      />
      <ActionDialog
        opened={action?.kind === 'visibility'}
        onClose={() => setAction(null)}
        title={
          action
            ? action.variant.is_visible
              ? labels.hideTitle(action.variant.sku)
              : labels.showTitle(action.variant.sku)
            : ''
        }
        message={action?.variant.is_visible ? labels.hideText : labels.showText}
        confirmLabel={action?.variant.is_visible ? labels.hide : labels.show}
        danger={action?.variant.is_visible === true}
        onConfirm={() =>
          update.mutateAsync({ id: action!.variant.id, is_visible: !action!.variant.is_visible })
        }
      />
    </Drawer>
  );
}
