import {
  Alert,
  Anchor,
  Badge,
  Button,
  Drawer,
  Group,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { messageOf, notifyError, notifySuccess } from '../../api/errors.ts';
import { dtehm } from '../../api/trpc.ts';
import { ActionDialog } from '../../components/ActionDialog.tsx';
import { StatCard } from '../../components/StatCard.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { StandingBadge, useLocalTime } from './dtehm-format.tsx';
import { SponsorTree } from './SponsorTree.tsx';

type Action = 'designate' | 'revoke' | 'suspend' | 'reactivate';

/**
 * One member as an administrator sees them: standing, stockist role, sponsor chain, downline per
 * generation, earnings; the actions on them (each asked first); and their sponsor tree. Another
 * member named here (an upline, a node of the tree) opens in the same drawer.
 */
export function MemberDrawer({ memberId, onClose }: { memberId: number | null; onClose: () => void }) {
  const { t, money, number } = useI18n();
  const local = useLocalTime();
  const trpc = dtehm.useTRPC();
  const queryClient = useQueryClient();
  const [shown, setShown] = useState<number | null>(null);
  const id = shown ?? memberId;
  const [action, setAction] = useState<Action | null>(null);
  const labels = t.dtehm.member;
  const detail = useQuery({ ...trpc.admin.member.queryOptions({ id: id ?? 0 }), enabled: id !== null });
  const m = detail.data;

  const onError = (error: unknown) => notifyError(t.common.error, error);
  const setStockist = useMutation(trpc.admin.setStockist.mutationOptions({ onError }));
  const suspend = useMutation(trpc.admin.suspendMember.mutationOptions({ onError }));
  const reactivate = useMutation(trpc.admin.reactivateMember.mutationOptions({ onError }));
  /** Runs the confirmed action; a refusal keeps the dialog open with the API's message shown. */
  const run = async (values: Record<string, string>) => {
    if (!m || !action) return;
    if (action === 'designate' || action === 'revoke')
      await setStockist.mutateAsync({ id: m.id, is_stockist: action === 'designate' ? 'Yes' : 'No' });
    else if (action === 'suspend') await suspend.mutateAsync({ id: m.id, reason: values.reason ?? '' });
    else await reactivate.mutateAsync({ id: m.id });
    notifySuccess(labels.done[action]);
    await queryClient.invalidateQueries({ queryKey: trpc.admin.pathKey() });
  };

  const close = () => {
    setShown(null);
    onClose();
  };
  const dialog = m && action && dialogOf(action, m.name, labels);

  return (
    <Drawer
      opened={memberId !== null}
      onClose={close}
      position="right"
      size="xl"
      title={m?.name ?? labels.details}
    >
      {detail.isError && (
        <Alert color="red" title={t.common.error}>
          {messageOf(detail.error)}
        </Alert>
      )}
      {id !== null && !m && detail.isPending && <Text size="sm">{t.common.loading}</Text>}
      {m && (
        <Stack>
          <Group gap="xs">
            <Text size="sm" fw={600}>
              {m.dtehm_member_id ?? m.dip_member_id ?? '—'}
            </Text>
            {m.dtehm_member_id && m.dip_member_id && <Text size="sm">· {m.dip_member_id}</Text>}
            <StandingBadge status={m.status} />
            {m.is_stockist === 'Yes' && (
              <Badge color="indigo" variant="light">
                {t.dtehm.members.stockist}
              </Badge>
            )}
          </Group>
          <SimpleGrid cols={2} spacing="xs">
            <Text size="sm">{m.email}</Text>
            <Text size="sm">{m.phone_number ?? '—'}</Text>
            <Text size="sm">
              {t.dtehm.members.joined}: {local.dateTime(m.joined_at)}
            </Text>
            <Text size="sm">
              {labels.activated}: {local.dateTime(m.activated_at)}
            </Text>
            <Text size="sm">
              {labels.address}: {m.address ?? '—'}
            </Text>
          </SimpleGrid>
          {m.status === 'Suspended' && (
            <Alert color="red" title={`${labels.suspendedSince} ${local.dateTime(m.suspended_at)}`}>
              {labels.suspensionReason}: {m.suspension_reason}
            </Alert>
          )}
          <Group>
            {m.is_stockist === 'Yes' ? (
              <Button variant="default" onClick={() => setAction('revoke')}>
                {labels.revoke}
              </Button>
            ) : (
              <Button onClick={() => setAction('designate')}>{labels.designate}</Button>
            )}
            {m.status === 'Suspended' ? (
              <Button onClick={() => setAction('reactivate')}>{labels.reactivate}</Button>
            ) : (
              <Button color="red" variant="outline" onClick={() => setAction('suspend')}>
                {labels.suspend}
              </Button>
            )}
          </Group>

          <SimpleGrid cols={2}>
            <StatCard
              label={labels.totalCommissions}
              value={money(m.commissions.total_commissions, m.commissions.currency)}
            />
            <StatCard
              label={labels.balance}
              value={money(m.commissions.current_balance, m.commissions.currency)}
            />
          </SimpleGrid>

          <Title order={2} size="h4">
            {labels.upline}
          </Title>
          {m.upline.length === 0 ? (
            <Text size="sm">{labels.noUpline}</Text>
          ) : (
            <ol style={{ listStyle: 'none', margin: 0, padding: 0 }}>
              {m.upline.map((u) => (
                <li key={u.id}>
                  <Group gap="xs">
                    <Text size="sm" w={80}>
                      {labels.level(u.level)}
                    </Text>
                    <Anchor component="button" type="button" size="sm" onClick={() => setShown(u.id)}>
                      {u.name}
                    </Anchor>
                    <Text size="xs">{u.member_id}</Text>
                    <StandingBadge status={u.status} />
                  </Group>
                </li>
              ))}
            </ol>
          )}

          <Title order={2} size="h4">
            {labels.generations}
          </Title>
          {m.network.total_members === 0 ? (
            <Text size="sm">{labels.noDownline}</Text>
          ) : (
            <Table withTableBorder w="auto">
              <Table.Caption className="visually-hidden">{labels.generations}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{labels.generation}</Table.Th>
                  <Table.Th ta="right">{labels.members}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {Object.entries(m.network.by_level).map(([level, count]) => (
                  <Table.Tr key={level}>
                    <Table.Td>GN{level.replace('level_', '')}</Table.Td>
                    <Table.Td ta="right">{number(count)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}

          <Title order={2} size="h4">
            {labels.showTree}
          </Title>
          <SponsorTree
            key={m.id}
            root={{
              id: m.id,
              name: m.name,
              member_id: m.dtehm_member_id ?? m.dip_member_id,
              status: m.status,
            }}
            onOpen={(next) => next !== m.id && setShown(next)}
          />
        </Stack>
      )}
      {dialog && (
        <ActionDialog
          opened
          onClose={() => setAction(null)}
          title={dialog.title}
          message={dialog.message}
          confirmLabel={dialog.confirm}
          danger={action === 'suspend' || action === 'revoke'}
          fields={
            action === 'suspend'
              ? [{ name: 'reason', label: t.common.reason, required: true, multiline: true }]
              : []
          }
          onConfirm={run}
        />
      )}
    </Drawer>
  );
}

function dialogOf(action: Action, name: string, labels: ReturnType<typeof useI18n>['t']['dtehm']['member']) {
  switch (action) {
    case 'designate':
      return {
        title: labels.designateTitle(name),
        message: labels.designateMessage,
        confirm: labels.designate,
      };
    case 'revoke':
      return { title: labels.revokeTitle(name), message: labels.revokeMessage, confirm: labels.revoke };
    case 'suspend':
      return { title: labels.suspendTitle(name), message: labels.suspendMessage, confirm: labels.suspend };
    case 'reactivate':
      return {
        title: labels.reactivateTitle(name),
        message: labels.reactivateMessage,
        confirm: labels.reactivate,
      };
  }
}
