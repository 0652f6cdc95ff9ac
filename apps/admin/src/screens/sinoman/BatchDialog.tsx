import { isKomisiError } from '@komisi/sdk';
import { Button, Group, Modal, NumberInput, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { notifyError, notifySuccess } from '../../api/errors.ts';
import { sinoman } from '../../api/trpc.ts';
import { minorDigits } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useTenant } from '../../layout/tenant-context.ts';

/** The form's values under the API's own field names, so its 422 lands on the field it names. */
interface BatchDraft {
  name: string;
  description: string;
  start_date: string | null;
  end_date: string | null;
  registration_start_date: string | null;
  registration_end_date: string | null;
  max_participants: number | '';
  program_fee: number | '';
  early_bird_fee: number | '';
  early_bird_deadline: string | null;
  venue_name: string;
  venue_address: string;
  trainer_names: string;
}

const EMPTY: BatchDraft = {
  name: '',
  description: '',
  start_date: null,
  end_date: null,
  registration_start_date: null,
  registration_end_date: null,
  max_participants: '',
  program_fee: '',
  early_bird_fee: '',
  early_bird_deadline: null,
  venue_name: '',
  venue_address: '',
  trainer_names: '',
};

/** Creates a Fit Challenge batch as a draft (opened later from the list, after a question). */
export function BatchDialog({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const tenant = useTenant();
  const trpc = sinoman.useTRPC();
  const queryClient = useQueryClient();
  const labels = t.sinoman.fitChallenge;
  const f = labels.fields;
  const digits = minorDigits(tenant.currency);
  const required = (v: unknown) => (v === '' || v === null ? t.common.required : null);
  const form = useForm<BatchDraft>({
    mode: 'controlled',
    initialValues: EMPTY,
    validate: {
      name: (v) => required(v.trim()),
      start_date: required,
      end_date: required,
      registration_start_date: required,
      registration_end_date: required,
      max_participants: required,
      program_fee: required,
    },
  });
  const close = () => {
    form.reset();
    onClose();
  };
  const create = useMutation(
    trpc.adminFitChallenge.createBatch.mutationOptions({
      onSuccess: async () => {
        notifySuccess(labels.created);
        await queryClient.invalidateQueries({ queryKey: trpc.adminFitChallenge.pathKey() });
        close();
      },
      onError: (error) => {
        if (isKomisiError(error) && error.fields)
          form.setErrors(Object.fromEntries(Object.entries(error.fields).map(([k, m]) => [k, m.join(', ')])));
        notifyError(t.common.error, error);
      },
    }),
  );
  // the API takes integer minor units
  const minor = (v: number | '') => Math.round(Number(v) * 10 ** digits);
  const optional = (v: string) => (v.trim() ? v.trim() : null);

  const submit = form.onSubmit((v) =>
    create.mutate({
      name: v.name.trim(),
      description: optional(v.description),
      start_date: v.start_date!,
      end_date: v.end_date!,
      registration_start_date: v.registration_start_date!,
      registration_end_date: v.registration_end_date!,
      max_participants: Number(v.max_participants),
      program_fee: minor(v.program_fee),
      ...(v.early_bird_fee !== '' && { early_bird_fee: minor(v.early_bird_fee) }),
      ...(v.early_bird_deadline && { early_bird_deadline: v.early_bird_deadline }),
      venue_name: optional(v.venue_name),
      venue_address: optional(v.venue_address),
      trainer_names: v.trainer_names
        .split(',')
        .map((n) => n.trim())
        .filter(Boolean),
      status: 'draft',
    }),
  );

  const date = (key: keyof BatchDraft, label: string, isRequired = true) => (
    <DatePickerInput
      label={label}
      required={isRequired}
      clearable={!isRequired}
      valueFormat="D MMM YYYY"
      {...form.getInputProps(key)}
    />
  );

  return (
    <Modal opened={opened} onClose={close} title={labels.newBatch} centered size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          <TextInput label={f.name} required {...form.getInputProps('name')} />
          <Textarea label={f.description} autosize minRows={2} {...form.getInputProps('description')} />
          <SimpleGrid cols={2}>
            {date('registration_start_date', f.registrationStart)}
            {date('registration_end_date', f.registrationEnd)}
            {date('start_date', f.startDate)}
            {date('end_date', f.endDate)}
            <NumberInput
              label={f.maxParticipants}
              required
              min={1}
              allowDecimal={false}
              {...form.getInputProps('max_participants')}
            />
            <NumberInput
              label={`${f.programFee} (${tenant.currency})`}
              required
              min={0}
              decimalScale={digits}
              thousandSeparator
              {...form.getInputProps('program_fee')}
            />
            <NumberInput
              label={`${f.earlyBirdFee} (${tenant.currency})`}
              min={0}
              decimalScale={digits}
              thousandSeparator
              {...form.getInputProps('early_bird_fee')}
            />
            {date('early_bird_deadline', f.earlyBirdDeadline, false)}
          </SimpleGrid>
          <TextInput label={f.venueName} {...form.getInputProps('venue_name')} />
          <TextInput label={f.venueAddress} {...form.getInputProps('venue_address')} />
          <TextInput label={f.trainers} {...form.getInputProps('trainer_names')} />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t.common.cancel}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {labels.create}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
