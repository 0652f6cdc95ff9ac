import { StatusBadge } from '../../components/StatusBadge.tsx';
import { useI18n } from '../../i18n/i18n.tsx';

/**
 * The dtehm API writes its times as the tenant's local wall clock (`2025-01-30 14:00:00`), not
 * instants: they are shown as written, in the reader's format, without moving them to another zone.
 */
export function useLocalTime() {
  const { dateTime, date } = useI18n();
  const asUtc = (local: string | null | undefined) => (local ? `${local.replace(' ', 'T')}Z` : local);
  return {
    dateTime: (local: string | null | undefined) => dateTime(asUtc(local), 'UTC'),
    date: (local: string | null | undefined) => date(asUtc(local), 'UTC'),
  };
}

/** A member's standing (Pending, Active, Suspended) as a coloured badge. */
export function StandingBadge({ status }: { status: string }) {
  const { t } = useI18n();
  return <StatusBadge status={status.toLowerCase()} labels={t.dtehm.members.standing} />;
}
