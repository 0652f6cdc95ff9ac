import { Alert, NumberInput, Switch, Table, Text, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { messageOf } from '../../../api/errors.ts';
import { dtehm } from '../../../api/trpc.ts';
import { minorDigits } from '../../../i18n/format.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { useTenant } from '../../../layout/tenant-context.ts';

/**
 * What the MLM plan being edited would pay on one sale, beside what the plan in force pays
 * (`console.previewMlmPlan`: nothing is written), asked again as the draft or the amount changes.
 */
export default function MlmPreview({ draft }: { draft: unknown }) {
  const { t, money, number } = useI18n();
  const tenant = useTenant();
  // the what-if preview is dtehm-mobile's (the one profile with an MLM plan)
  const client = dtehm.useTRPCClient();
  const labels = t.settings.preview;
  const scale = 10 ** minorDigits(tenant.currency);
  const [amount, setAmount] = useState(100_000 * scale);
  const [withStockist, setWithStockist] = useState(true);
  // debounced as text: a new draft object each render is still the same draft
  const [asked] = useDebouncedValue(JSON.stringify({ plan: draft ?? {}, amount, withStockist }), 400);
  const input = JSON.parse(asked) as { plan: never; amount: number; withStockist: boolean };
  const preview = useQuery({
    // a POST that writes nothing: asked like a query, cached by the draft it was asked for
    queryKey: ['console.previewMlmPlan', asked],
    queryFn: () => client.console.previewMlmPlan.mutate(input),
    placeholderData: keepPreviousData,
  });
  const p = preview.data;
  const levels = p ? [...new Set([...p.draft.lines, ...p.current.lines].map((l) => l.level))] : [];
  const line = (which: 'draft' | 'current', level: string) => p?.[which].lines.find((l) => l.level === level);
  const cell = (which: 'draft' | 'current', level: string) => {
    const l = line(which, level);
    return l ? `${money(l.amount, p!.currency)} (${number(l.rateBps / 100)}%)` : '—';
  };

  return (
    <>
      <Title order={2} size="h4" mb="sm">
        {labels.title}
      </Title>
      <NumberInput
        label={`${labels.amount} (${tenant.currency})`}
        min={0}
        thousandSeparator
        decimalScale={minorDigits(tenant.currency)}
        value={amount / scale}
        onChange={(v) => setAmount(typeof v === 'number' ? Math.round(v * scale) : 0)}
        mb="xs"
      />
      <Switch
        label={labels.withStockist}
        checked={withStockist}
        onChange={(e) => setWithStockist(e.currentTarget.checked)}
        mb="md"
      />
      {preview.error && (
        <Alert color="red" role="alert" mb="sm">
          {messageOf(preview.error)}
        </Alert>
      )}
      {p && (
        <Table striped aria-label={labels.title}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{labels.level}</Table.Th>
              <Table.Th ta="right">{labels.draft}</Table.Th>
              <Table.Th ta="right">{labels.current}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {levels.map((level) => (
              <Table.Tr key={level}>
                <Table.Td>{level}</Table.Td>
                <Table.Td ta="right">{cell('draft', level)}</Table.Td>
                <Table.Td ta="right">{cell('current', level)}</Table.Td>
              </Table.Tr>
            ))}
            {(['totalAmount', 'retainedAmount'] as const).map((k) => (
              <Table.Tr key={k} fw={600}>
                <Table.Td>{labels[k]}</Table.Td>
                <Table.Td ta="right">{money(p.draft[k], p.currency)}</Table.Td>
                <Table.Td ta="right">{money(p.current[k], p.currency)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {!p && !preview.error && <Text size="sm">{t.common.loading}</Text>}
    </>
  );
}
