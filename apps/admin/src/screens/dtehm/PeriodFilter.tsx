import '@mantine/dates/styles.css';
import 'dayjs/locale/id';
import { DatePickerInput, DatesProvider } from '@mantine/dates';
import { localDay } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useTenant } from '../../layout/tenant-context.ts';

export type Period = [string | null, string | null];

/** A range of the tenant's local days (the API's `start_date`/`end_date`, both included). */
export function PeriodFilter(props: { label: string; value: Period; onChange: (period: Period) => void }) {
  const { language } = useI18n();
  const tenant = useTenant();
  return (
    <DatesProvider settings={{ locale: language }}>
      <DatePickerInput
        type="range"
        allowSingleDateInRange
        clearable
        label={props.label}
        value={props.value}
        onChange={(v) => props.onChange(v as Period)}
        maxDate={localDay(tenant.timeZone)}
        valueFormat="D MMM YYYY"
        w={260}
      />
    </DatesProvider>
  );
}

/** The period as the API's filter: a one-day range when only its start is picked. */
export const periodInput = ([start, end]: Period) =>
  start ? { start_date: start, end_date: end ?? start } : {};
