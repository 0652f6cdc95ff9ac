import { Anchor, Button, Group, SegmentedControl, Switch, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { notifyError, notifySuccess } from '../../api/errors.ts';
import { qutab } from '../../api/trpc.ts';
import { ActionDialog } from '../../components/ActionDialog.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useI18n } from '../../i18n/i18n.tsx';

const KINDS = ['banner', 'social_graphic', 'faq'] as const;
type Kind = (typeof KINDS)[number];
type Dialog = { kind: 'faq' } | { kind: 'delete'; id: string; title: string } | { kind: 'support' };

/**
 * The affiliates' materials and FAQ: shown or hidden, deleted (asked first), new FAQ entries, and the
 * support contact affiliates are given. Images are linked, not loaded (they may live on another host).
 */
export default function MaterialsPage() {
  const { t } = useI18n();
  const trpc = qutab.useTRPC();
  const queryClient = useQueryClient();
  const labels = t.materials;
  const [kind, setKind] = useState<Kind | 'all'>('all');
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const list = useQuery({
    ...trpc.admin.listContent.queryOptions(kind === 'all' ? {} : { kind }),
    placeholderData: keepPreviousData,
  });
  const refresh = (message: string) => async () => {
    notifySuccess(message);
    await queryClient.invalidateQueries({ queryKey: trpc.admin.listContent.pathKey() });
  };
  const onError = (error: unknown) => notifyError(t.common.error, error);
  const create = useMutation(
    trpc.admin.createContent.mutationOptions({ onSuccess: refresh(labels.saved), onError }),
  );
  const update = useMutation(
    trpc.admin.updateContent.mutationOptions({ onSuccess: refresh(labels.saved), onError }),
  );
  const remove = useMutation(
    trpc.admin.deleteContent.mutationOptions({ onSuccess: refresh(labels.deleted), onError }),
  );
  const support = useMutation(
    trpc.admin.setSupportContact.mutationOptions({
      onSuccess: () => notifySuccess(labels.supportSaved),
      onError,
    }),
  );

  return (
    <>
      <PageHeader title={labels.title}>
        <Group>
          <Button variant="default" onClick={() => setDialog({ kind: 'support' })}>
            {labels.supportContact}
          </Button>
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setDialog({ kind: 'faq' })}>
            {labels.newFaq}
          </Button>
        </Group>
      </PageHeader>
      <DataTable
        caption={labels.title}
        toolbar={
          <SegmentedControl
            aria-label={labels.kind}
            value={kind}
            onChange={(v) => setKind(v as Kind | 'all')}
            data={[
              { value: 'all', label: t.common.all },
              ...KINDS.map((k) => ({ value: k, label: labels.kinds[k] ?? k })),
            ]}
          />
        }
        rows={list.data}
        rowKey={(c) => c.id}
        page={1}
        pageCount={1}
        total={list.data?.length}
        onPage={() => {}}
        fetching={list.isFetching}
        error={list.error}
        onRetry={() => list.refetch()}
        columns={[
          { key: 'position', header: '#', numeric: true, render: (c) => c.position },
          { key: 'kind', header: labels.kind, render: (c) => labels.kinds[c.kind] ?? c.kind },
          {
            key: 'title',
            header: labels.titleColumn,
            render: (c) => (
              <div>
                <Text size="sm" fw={500}>
                  {c.title}
                </Text>
                {c.body && (
                  <Text size="xs" c="gray.7" lineClamp={2} maw={420}>
                    {c.body}
                  </Text>
                )}
              </div>
            ),
          },
          { key: 'category', header: labels.category, render: (c) => c.category ?? '—' },
          {
            key: 'image',
            header: labels.image,
            render: (c) =>
              c.image_url ? (
                <Anchor href={c.image_url} target="_blank" rel="noreferrer noopener" size="sm">
                  {c.size ?? labels.image}
                </Anchor>
              ) : (
                '—'
              ),
          },
          {
            key: 'active',
            header: labels.shown,
            render: (c) => (
              <Switch
                checked={c.active}
                aria-label={`${labels.shown}: ${c.title}`}
                disabled={update.isPending}
                onChange={(e) => update.mutate({ id: Number(c.id), active: e.currentTarget.checked })}
              />
            ),
          },
          {
            key: 'actions',
            header: t.common.actions,
            render: (c) => (
              <Button
                size="xs"
                color="red"
                variant="outline"
                aria-label={`${labels.delete}: ${c.title}`}
                onClick={() => setDialog({ kind: 'delete', id: c.id, title: c.title })}
              >
                {labels.delete}
              </Button>
            ),
          },
        ]}
      />
      <ActionDialog
        opened={dialog?.kind === 'faq'}
        onClose={() => setDialog(null)}
        title={labels.newFaq}
        confirmLabel={t.common.save}
        fields={[
          { name: 'title', label: labels.question, required: true },
          { name: 'body', label: labels.answer, required: true, multiline: true },
          { name: 'category', label: labels.category },
        ]}
        onConfirm={(v) =>
          create.mutateAsync({
            kind: 'faq',
            title: v.title!.trim(),
            body: v.body!.trim(),
            ...(v.category?.trim() && { category: v.category.trim() }),
          })
        }
      />
      <ActionDialog
        opened={dialog?.kind === 'delete'}
        onClose={() => setDialog(null)}
        title={labels.deleteTitle(dialog?.kind === 'delete' ? dialog.title : '')}
        message={labels.deleteText}
        confirmLabel={labels.delete}
        danger
        onConfirm={() => remove.mutateAsync({ id: Number(dialog?.kind === 'delete' ? dialog.id : 0) })}
      />
      <ActionDialog
        opened={dialog?.kind === 'support'}
        onClose={() => setDialog(null)}
        title={labels.supportContact}
        message={labels.supportText}
        confirmLabel={t.common.save}
        fields={[
          { name: 'whatsapp', label: 'WhatsApp', required: true },
          { name: 'email', label: t.common.email, required: true },
          { name: 'response_time', label: labels.responseTime, required: true },
        ]}
        onConfirm={(v) =>
          support.mutateAsync({
            whatsapp: v.whatsapp!.trim(),
            email: v.email!.trim(),
            response_time: v.response_time!.trim(),
          })
        }
      />
    </>
  );
}
