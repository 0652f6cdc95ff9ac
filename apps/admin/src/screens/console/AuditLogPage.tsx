import '@mantine/dates/styles.css';
import 'dayjs/locale/id';
import type { ConsoleOutputs } from '@komisi/sdk';
import { Button, Code, Drawer, Group, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { DatePickerInput, DatesProvider } from '@mantine/dates';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { consoleApi } from '../../api/trpc.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { useTenant } from '../../layout/tenant-context.ts';
import { diffRecords, showValue } from './audit/diff.ts';

type Entry = ConsoleOutputs['auditLog']['list']['entries'][number];
const ROLES = ['admin', 'platform-admin', 'platform-cli'] as const;
type Role = (typeof ROLES)[number];
/** an account's id, as the API takes it (a positive 32-bit integer) */
const ACCOUNT_ID = /^[1-9]\d{0,8}$/;

/**
 * Every administrator's action on the tenant (`auditLog.list`), newest first, filtered by action,
 * actor, record and days on the server and paged by cursor; an entry opens with its before/after.
 */
export default function AuditLogPage() {
  const { t, dateTime, language } = useI18n();
  const tenant = useTenant();
  const trpc = consoleApi.useTRPC();
  const labels = t.audit;
  const [action, setAction] = useState('');
  const [subjectType, setSubjectType] = useState('');
  const [subjectId, setSubjectId] = useState('');
  const [actorId, setActorId] = useState('');
  const [actorRole, setActorRole] = useState<Role | null>(null);
  const [days, setDays] = useState<[string | null, string | null]>([null, null]);
  // the cursor of each page seen so far: page n starts at cursors[n - 1]
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const [page, setPage] = useState(1);
  const [open, setOpen] = useState<Entry | null>(null);
  const [filters] = useDebouncedValue(
    JSON.stringify({
      action: action.trim(),
      subjectType: subjectType.trim(),
      subjectId: subjectId.trim(),
      actorId: actorId.trim(),
    }),
    300,
  );
  const text = JSON.parse(filters) as {
    action: string;
    subjectType: string;
    subjectId: string;
    actorId: string;
  };
  const restart = () => {
    setCursors([undefined]);
    setPage(1);
  };

  const list = useQuery({
    ...trpc.auditLog.list.queryOptions({
      limit: 20,
      ...(text.action && { action: text.action }),
      ...(text.subjectType && { subjectType: text.subjectType }),
      ...(text.subjectId && { subjectId: text.subjectId }),
      ...(actorRole && { actorRole }),
      // anything but an account id is not sent (the field says so instead)
      ...(ACCOUNT_ID.test(text.actorId) && { actorId: Number(text.actorId) }),
      ...(days[0] && { from: days[0] }),
      ...(days[1] && { to: days[1] }),
      ...(cursors[page - 1] && { cursor: cursors[page - 1] }),
    }),
    placeholderData: keepPreviousData,
  });
  const next = list.data?.nextCursor ?? null;
  const pageCount = next ? Math.max(page + 1, cursors.length) : page;
  const goTo = (n: number) => {
    if (n === page + 1 && next) setCursors((c) => [...c.slice(0, page), next]);
    setPage(n);
  };
  const textFilter = (label: string, value: string, set: (v: string) => void) => (
    <TextInput
      label={label}
      value={value}
      onChange={(e) => {
        set(e.currentTarget.value);
        restart();
      }}
      w={220}
    />
  );

  return (
    <DatesProvider settings={{ locale: language }}>
      <PageHeader title={labels.title} />
      <DataTable
        caption={labels.title}
        toolbar={
          <>
            {textFilter(labels.action, action, setAction)}
            <Select
              label={labels.actorRole}
              placeholder={t.common.all}
              clearable
              data={ROLES.map((r) => ({ value: r, label: labels.roles[r] ?? r }))}
              value={actorRole}
              onChange={(v) => {
                setActorRole(v as Role | null);
                restart();
              }}
              w={200}
            />
            <TextInput
              label={labels.actorId}
              value={actorId}
              error={actorId.trim() && !ACCOUNT_ID.test(actorId.trim()) ? labels.actorIdDigits : undefined}
              onChange={(e) => {
                setActorId(e.currentTarget.value);
                restart();
              }}
              w={140}
            />
            {textFilter(labels.subjectType, subjectType, setSubjectType)}
            {textFilter(labels.subjectId, subjectId, setSubjectId)}
            <DatePickerInput
              type="range"
              label={labels.days}
              clearable
              valueFormat="YYYY-MM-DD"
              value={days}
              onChange={(v) => {
                setDays(v as [string | null, string | null]);
                restart();
              }}
              w={260}
            />
          </>
        }
        rows={list.data?.entries}
        rowKey={(e) => String(e.id)}
        page={page}
        pageCount={pageCount}
        onPage={goTo}
        fetching={list.isFetching}
        error={list.error}
        onRetry={() => list.refetch()}
        columns={[
          { key: 'when', header: labels.when, render: (e) => dateTime(e.occurredAt, tenant.timeZone) },
          { key: 'action', header: labels.action, render: (e) => <Code>{e.action}</Code> },
          {
            key: 'actor',
            header: labels.actor,
            render: (e) => (
              <div>
                <Text size="sm">
                  {e.actor.email ?? e.actor.name ?? labels.roles[e.actor.role] ?? e.actor.role}
                </Text>
                {e.actor.id && (
                  <Text size="xs" c="gray.7">
                    #{e.actor.id}
                  </Text>
                )}
              </div>
            ),
          },
          {
            key: 'subject',
            header: labels.subject,
            render: (e) => (e.subject ? `${e.subject.type} ${e.subject.id}` : '—'),
          },
          {
            key: 'open',
            header: t.common.actions,
            render: (e) => (
              <Button
                size="xs"
                variant="light"
                onClick={() => setOpen(e)}
                aria-label={`${t.common.details}: ${e.action} ${dateTime(e.occurredAt, tenant.timeZone)}`}
              >
                {t.common.details}
              </Button>
            ),
          },
        ]}
      />
      <Drawer
        opened={open !== null}
        onClose={() => setOpen(null)}
        position="right"
        size="xl"
        title={open ? open.action : labels.title}
        closeButtonProps={{ 'aria-label': t.common.close }}
      >
        {open && <EntryDetail entry={open} />}
      </Drawer>
    </DatesProvider>
  );
}

function EntryDetail({ entry }: { entry: Entry }) {
  const { t, dateTime } = useI18n();
  const tenant = useTenant();
  const labels = t.audit;
  const [all, setAll] = useState(false);
  const changes = diffRecords(entry.before, entry.after);
  const shown = all ? changes : changes.filter((c) => c.kind !== 'same');
  const color = { added: 'teal.9', removed: 'red.9', changed: 'blue.9', same: undefined } as const;
  const facts: [string, string][] = [
    [labels.when, dateTime(entry.occurredAt, tenant.timeZone)],
    [
      labels.actor,
      [entry.actor.name, entry.actor.email, labels.roles[entry.actor.role]].filter(Boolean).join(' · '),
    ],
    [labels.subject, entry.subject ? `${entry.subject.type} ${entry.subject.id}` : '—'],
    [labels.requestId, entry.requestId],
    [labels.ip, entry.ip],
  ];
  return (
    <Stack>
      <Table aria-label={t.common.details}>
        <Table.Tbody>
          {facts.map(([k, v]) => (
            <Table.Tr key={k}>
              <Table.Th w={160}>{k}</Table.Th>
              <Table.Td>{v}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Group justify="space-between">
        <Title order={2} size="h4">
          {labels.changes}
        </Title>
        {changes.length > 0 && (
          <Button size="xs" variant="subtle" onClick={() => setAll((v) => !v)}>
            {all ? labels.onlyChanged : labels.showAll}
          </Button>
        )}
      </Group>
      {entry.before === null || entry.before === undefined ? (
        <Text size="sm" c="gray.7">
          {labels.noBefore}
        </Text>
      ) : null}
      {shown.length === 0 ? (
        <Text size="sm">{labels.noChanges}</Text>
      ) : (
        <Table striped aria-label={labels.changes}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{labels.field}</Table.Th>
              <Table.Th>{labels.before}</Table.Th>
              <Table.Th>{labels.after}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shown.map((c) => (
              <Table.Tr key={c.path}>
                <Table.Td>
                  <Code>{c.path}</Code>
                </Table.Td>
                <Table.Td c={c.kind === 'removed' || c.kind === 'changed' ? color.removed : undefined}>
                  {c.kind === 'added' ? '—' : showValue(c.before)}
                </Table.Td>
                <Table.Td c={color[c.kind]}>{c.kind === 'removed' ? '—' : showValue(c.after)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Title order={2} size="h4">
        {labels.request}
      </Title>
      <Code block>{JSON.stringify(entry.input ?? null, null, 2)}</Code>
    </Stack>
  );
}
