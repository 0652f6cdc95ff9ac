import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);
dayjs.extend(timezone);

// A date-time picker shows and takes the shop's wall clock (the tenant's time zone), whatever the
// reader's own: an administrator in another zone still sets a voucher to start at 00:00 in Jakarta.
const PICKER_FORMAT = 'YYYY-MM-DD HH:mm:ss';

/** An API moment (ISO) as the picker's value: the wall-clock time in `timeZone`. */
export function toPicker(iso: string | null, timeZone: string): string | null {
  return iso === null ? null : dayjs(iso).tz(timeZone).format(PICKER_FORMAT);
}

/** The picker's value, read as wall-clock time in `timeZone`, as the API's ISO moment. */
export function fromPicker(value: string | null, timeZone: string): string | null {
  return value === null ? null : dayjs.tz(value, PICKER_FORMAT, timeZone).toISOString();
}
