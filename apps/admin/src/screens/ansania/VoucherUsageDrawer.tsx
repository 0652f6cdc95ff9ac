import { Alert, Drawer, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { messageOf } from '../../api/errors.ts';
import { ansania } from '../../api/trpc.ts';
import { StatCard } from '../../components/StatCard.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { useTenant } from '../../layout/tenant-context.ts';
import { discountText } from './voucher-format.ts';

/** A voucher's usage: its uses, those given back, paid orders, their discount and the latest orders. */
export function VoucherUsageDrawer(props: { voucherId: number | null; onClose: () => void }) {
  const { t, money, number, dateTime } = useI18n();
  const tenant = useTenant();
  const trpc = ansania.useTRPC();
  const labels = t.ansania.vouchers;
  const detail = useQuery({
    ...trpc.adminVouchers.detail.queryOptions({ id: props.voucherId ?? 0 }),
    enabled: props.voucherId !== null,
  });
  const voucher = props.voucherId !== null ? detail.data?.voucher : undefined;
  const amount = (value: number) => money(value, tenant.currency);

  return (
    <Drawer
      opened={props.voucherId !== null}
      onClose={props.onClose}
      position="right"
      size="56rem"
      title={voucher ? labels.usageTitle(voucher.code) : labels.usage}
    >
      {detail.error && (
        <Alert color="red" title={t.common.error}>
          {messageOf(detail.error)}
        </Alert>
      )}
      {!voucher && !detail.error && <Text>{t.common.loading}</Text>}
      {voucher && (
        <Stack>
          <Group gap="sm">
            <Text>
              {voucher.name} · {discountText(voucher, (type) => labels.types[type] ?? type, amount)}
            </Text>
            <StatusBadge status={voucher.state} labels={labels.states} />
          </Group>
          <SimpleGrid cols={{ base: 2, md: 3 }}>
            <StatCard label={labels.uses} value={number(voucher.usage.used_count)} />
            <StatCard label={labels.voided} value={number(voucher.usage.voided_count)} />
            <StatCard
              label={labels.remaining}
              value={voucher.usage_remaining === null ? labels.unlimited : number(voucher.usage_remaining)}
            />
            <StatCard label={labels.paidOrders} value={number(voucher.usage.paid_orders)} />
            <StatCard label={labels.totalDiscount} value={amount(voucher.usage.total_discount)} />
          </SimpleGrid>
          <Title order={2} size="h4">
            {labels.recentOrders}
          </Title>
          <Table striped verticalSpacing="xs">
            <Table.Caption className="visually-hidden">{labels.recentOrders}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{labels.order}</Table.Th>
                <Table.Th>{labels.customer}</Table.Th>
                <Table.Th>{t.common.status}</Table.Th>
                <Table.Th ta="right">{labels.orderTotal}</Table.Th>
                <Table.Th ta="right">{labels.orderDiscount}</Table.Th>
                <Table.Th>{labels.redemption}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {voucher.recent_orders.map((o, i) => (
                <Table.Tr key={o.order_number ?? `order-${i}`}>
                  <Table.Td>
                    <Text size="sm">{o.order_number ?? '—'}</Text>
                    <Text size="xs" c="gray.7">
                      {dateTime(o.created_at, tenant.timeZone)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{o.customer.name}</Text>
                    <Text size="xs" c="gray.7">
                      {o.customer.email}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <StatusBadge status={o.status} labels={t.orders.statuses} />
                  </Table.Td>
                  <Table.Td ta="right">{amount(o.total_amount)}</Table.Td>
                  <Table.Td ta="right">{amount(o.discount_amount)}</Table.Td>
                  <Table.Td>
                    <StatusBadge
                      status={o.redemption_status === 'void' ? 'cancelled' : 'active'}
                      labels={{ cancelled: labels.redemptions.void!, active: labels.redemptions.active! }}
                    />
                  </Table.Td>
                </Table.Tr>
              ))}
              {voucher.recent_orders.length === 0 && (
                <Table.Tr>
                  <Table.Td colSpan={6}>
                    <Text ta="center" py="md">
                      {t.common.noRows}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              )}
            </Table.Tbody>
          </Table>
        </Stack>
      )}
    </Drawer>
  );
}
