import type { ConsoleOutputs } from '@komisi/sdk';
import { isKomisiError } from '@komisi/sdk';
import { Accordion, Alert, Badge, Button, Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useState } from 'react';
import { messageOf, notifyError, notifySuccess } from '../../api/errors.ts';
import { consoleApi } from '../../api/trpc.ts';
import { ActionDialog } from '../../components/ActionDialog.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { PageLoader } from '../../layout/PageLoader.tsx';
import { useTenant } from '../../layout/tenant-context.ts';
import { PROFILES } from '../../profiles.ts';
import { SchemaField } from './settings/SchemaField.tsx';
import {
  fieldErrorsOf,
  fieldOf,
  initialValue,
  type JsonSchema,
  toWireValue,
} from './settings/schema-form.ts';

type Setting = ConsoleOutputs['console']['settings']['settings'][number];

const MlmPreview = lazy(() => import('./settings/MlmPreview.tsx'));

/**
 * The tenant's settings (`console.settings`), one form per key generated from its JSON Schema;
 * saved through `console.updateSetting` after a question, the API's messages shown on their fields.
 */
export default function SettingsPage() {
  const { t } = useI18n();
  const trpc = consoleApi.useTRPC();
  const settings = useQuery(trpc.console.settings.queryOptions());
  if (settings.error)
    return (
      <Alert color="red" title={t.common.error} role="alert">
        {messageOf(settings.error)}
      </Alert>
    );
  if (!settings.data) return <PageLoader />;
  return (
    <>
      <PageHeader title={t.settings.title} />
      <Accordion multiple variant="separated" chevronPosition="left">
        {settings.data.settings.map((s) => (
          <Accordion.Item key={s.key} value={s.key}>
            <Accordion.Control>
              <Group gap="sm">
                <Text fw={600}>{s.title}</Text>
                <Badge variant="light" color="gray.8">
                  {s.value === null ? t.settings.defaults : t.settings.customised}
                </Badge>
                {!s.editable && (
                  <Badge variant="light" color="orange.9">
                    {t.settings.readOnly}
                  </Badge>
                )}
              </Group>
            </Accordion.Control>
            <Accordion.Panel>
              <SettingForm setting={s} />
            </Accordion.Panel>
          </Accordion.Item>
        ))}
      </Accordion>
    </>
  );
}

function SettingForm({ setting }: { setting: Setting }) {
  const { t } = useI18n();
  const tenant = useTenant();
  const trpc = consoleApi.useTRPC();
  const queryClient = useQueryClient();
  const labels = t.settings;
  const schema = setting.schema as JsonSchema;
  const [state, setState] = useState<unknown>(() => initialValue(schema, setting.value));
  // a new form state after each save: secrets masked again, the stored value as the API has it
  const [version, setVersion] = useState(0);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [confirming, setConfirming] = useState(false);

  const save = useMutation(
    trpc.console.updateSetting.mutationOptions({
      onSuccess: async (saved) => {
        setErrors({});
        setState(initialValue(schema, saved.value));
        setVersion((v) => v + 1);
        notifySuccess(labels.saved(setting.title));
        await queryClient.invalidateQueries({ queryKey: trpc.console.settings.queryKey() });
      },
      onError: (error) => {
        setErrors(isKomisiError(error) ? fieldErrorsOf(setting.key, error.fields) : {});
        notifyError(labels.notSaved, error);
      },
    }),
  );

  const form = (
    <>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          setConfirming(true);
        }}
        noValidate
        aria-label={setting.title}
      >
        <Stack>
          <Text size="sm" c="gray.7">
            {setting.description}
          </Text>
          <SchemaField
            key={version}
            schema={schema}
            path=""
            name={setting.key}
            value={state}
            onChange={setState}
            errors={errors}
            readOnly={!setting.editable}
          />
          {errors[''] && fieldOf(schema).kind === 'object' && (
            <Text size="sm" c="red.8" role="alert">
              {errors['']}
            </Text>
          )}
          {setting.editable && (
            <Group justify="flex-end">
              <Button type="submit">{t.common.save}</Button>
            </Group>
          )}
        </Stack>
      </form>
      <ActionDialog
        opened={confirming}
        onClose={() => setConfirming(false)}
        title={labels.confirmTitle(setting.title)}
        message={labels.confirmText}
        confirmLabel={t.common.save}
        onConfirm={() => save.mutateAsync({ key: setting.key, value: toWireValue(schema, state) as never })}
      />
    </>
  );

  if (setting.key !== 'mlm' || tenant.profile !== PROFILES.dtehm) return form;
  return (
    <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
      <div>{form}</div>
      <Paper withBorder p="md">
        <Suspense fallback={<PageLoader />}>
          <MlmPreview draft={toWireValue(schema, state)} />
        </Suspense>
      </Paper>
    </SimpleGrid>
  );
}
