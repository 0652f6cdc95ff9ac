import { Button, Group, Modal, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { type ReactNode, useState } from 'react';
import { useI18n } from '../i18n/i18n.tsx';

export interface ActionField {
  name: string;
  label: string;
  required?: boolean;
  multiline?: boolean;
  /** a check of its own beside `required`: the message, or null when fine */
  validate?: (value: string) => string | null;
}

export interface ActionDialogProps {
  opened: boolean;
  onClose: () => void;
  title: string;
  message?: ReactNode;
  confirmLabel: string;
  /** destructive actions are red */
  danger?: boolean;
  fields?: ActionField[];
  /** runs the action; a rejection keeps the dialog open (the error is shown by the caller's mutation) */
  onConfirm: (values: Record<string, string>) => Promise<unknown>;
}

/**
 * Asks before an action runs: what it does, the inputs it needs (a reason, a tracking number), and
 * a confirm button that shows progress until the API has answered.
 */
export function ActionDialog(props: ActionDialogProps) {
  const { t } = useI18n();
  const fields = props.fields ?? [];
  const [busy, setBusy] = useState(false);
  const form = useForm<Record<string, string>>({
    initialValues: Object.fromEntries(fields.map((f) => [f.name, ''])),
    validate: Object.fromEntries(
      fields.map((f) => [
        f.name,
        (value: string) =>
          f.required && value.trim() === '' ? t.common.required : (f.validate?.(value) ?? null),
      ]),
    ),
  });

  const close = () => {
    if (busy) return;
    form.reset();
    props.onClose();
  };

  const submit = form.onSubmit(async (values) => {
    setBusy(true);
    try {
      await props.onConfirm(values);
      form.reset();
      props.onClose();
    } catch {
      // the mutation's onError has shown the API's message; the dialog stays for another try
    } finally {
      setBusy(false);
    }
  });

  return (
    <Modal opened={props.opened} onClose={close} title={props.title} centered>
      <form onSubmit={submit} noValidate>
        <Stack>
          {props.message && <Text size="sm">{props.message}</Text>}
          {fields.map((field) =>
            field.multiline ? (
              <Textarea
                key={field.name}
                label={field.label}
                required={field.required}
                autosize
                minRows={2}
                {...form.getInputProps(field.name)}
              />
            ) : (
              <TextInput
                key={field.name}
                label={field.label}
                required={field.required}
                {...form.getInputProps(field.name)}
              />
            ),
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={close} disabled={busy}>
              {t.common.cancel}
            </Button>
            <Button type="submit" color={props.danger ? 'red' : undefined} loading={busy}>
              {props.confirmLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
