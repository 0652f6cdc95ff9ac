import { Alert, Anchor, Drawer, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { messageOf } from '../../api/errors.ts';
import { dtehm } from '../../api/trpc.ts';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { useTenant } from '../../layout/tenant-context.ts';
import { useLocalTime } from './dtehm-format.tsx';

/** A member named on an order: their name and number (the member opens on a click when the screen can). */
function Party(props: {
  party: { id?: number; name: string; member_id: string | null } | null;
  onOpen?: (id: number) => void;
}) {
  const { party, onOpen } = props;
  if (!party) return <>—</>;
  const label = `${party.name}${party.member_id ? ` (${party.member_id})` : ''}`;
  if (party.id === undefined || !onOpen) return <>{label}</>;
  return (
    <Anchor component="button" type="button" size="sm" onClick={() => onOpen(party.id!)}>
      {label}
    </Anchor>
  );
}

/** One order: buyer, payment, items with their sponsor and stockist, and every commission line it paid. */
export function OrderDrawer(props: {
  orderId: number | null;
  onClose: () => void;
  onOpenMember?: (id: number) => void;
}) {
  const { t, money, number } = useI18n();
  const local = useLocalTime();
  const tenant = useTenant();
  const trpc = dtehm.useTRPC();
  const labels = t.dtehm.orders;
  const detail = useQuery({
    ...trpc.admin.order.queryOptions({ id: props.orderId ?? 0 }),
    enabled: props.orderId !== null,
  });
  const o = detail.data;

  return (
    <Drawer
      opened={props.orderId !== null}
      onClose={props.onClose}
      position="right"
      size="xl"
      title={props.orderId !== null ? labels.details(props.orderId) : ''}
    >
      {detail.isError && (
        <Alert color="red" title={t.common.error}>
          {messageOf(detail.error)}
        </Alert>
      )}
      {detail.isPending && props.orderId !== null && <Text size="sm">{t.common.loading}</Text>}
      {o && (
        <Stack>
          <SimpleGrid cols={2} spacing="xs">
            <Text size="sm">
              {labels.customer}: <Party party={o.customer} onOpen={props.onOpenMember} />
            </Text>
            <Text size="sm">
              {labels.status}:{' '}
              <StatusBadge status={o.status.toLowerCase()} labels={lowerKeys(labels.statuses)} />
            </Text>
            <Text size="sm">
              {labels.date}: {local.dateTime(o.order_date)}
            </Text>
            <Text size="sm">
              {labels.paidAt}: {local.dateTime(o.paid_at)}
            </Text>
            <Text size="sm">
              {labels.payment}: {o.payment_method ?? '—'}
            </Text>
            <Text size="sm">
              {labels.reference}: {o.payment_reference ?? '—'}
            </Text>
            <Text size="sm" fw={600}>
              {labels.total}: {money(o.total_amount, tenant.currency)}
            </Text>
          </SimpleGrid>

          <Title order={2} size="h4">
            {labels.items}
          </Title>
          <Table.ScrollContainer minWidth={560}>
            <Table withTableBorder>
              <Table.Caption className="visually-hidden">{labels.items}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{labels.product}</Table.Th>
                  <Table.Th ta="right">{labels.quantity}</Table.Th>
                  <Table.Th ta="right">{labels.amount}</Table.Th>
                  <Table.Th>{labels.sponsor}</Table.Th>
                  <Table.Th>{labels.stockist}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {o.items.map((i) => (
                  <Table.Tr key={i.id}>
                    <Table.Td>{i.product.name}</Table.Td>
                    <Table.Td ta="right">{number(i.quantity)}</Table.Td>
                    <Table.Td ta="right">{money(i.amount, tenant.currency)}</Table.Td>
                    <Table.Td>
                      <Party party={i.sponsor} />
                    </Table.Td>
                    <Table.Td>
                      <Party party={i.stockist} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>

          <Title order={2} size="h4">
            {labels.lines}
          </Title>
          {o.commissions.length === 0 ? (
            <Text size="sm">{labels.noLines}</Text>
          ) : (
            <Table withTableBorder>
              <Table.Caption className="visually-hidden">{labels.lines}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{labels.level}</Table.Th>
                  <Table.Th>{labels.beneficiary}</Table.Th>
                  <Table.Th ta="right">{labels.rate}</Table.Th>
                  <Table.Th ta="right">{labels.amount}</Table.Th>
                  <Table.Th>{labels.status}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {o.commissions.map((c) => (
                  <Table.Tr key={c.id}>
                    <Table.Td>{c.level}</Table.Td>
                    <Table.Td>
                      <Party party={c.member} onOpen={props.onOpenMember} />
                    </Table.Td>
                    <Table.Td ta="right">{c.rate}%</Table.Td>
                    <Table.Td ta="right">{money(c.amount, tenant.currency)}</Table.Td>
                    <Table.Td>
                      <StatusBadge status={c.status} labels={t.dtehm.commissions.statuses} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Stack>
      )}
    </Drawer>
  );
}

/** Labels keyed by the API's words, looked up by their lower case (the badge's colour key). */
export const lowerKeys = (labels: Record<string, string>) =>
  Object.fromEntries(Object.entries(labels).map(([k, v]) => [k.toLowerCase(), v]));
