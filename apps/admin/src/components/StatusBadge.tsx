import { Badge } from '@mantine/core';

const COLORS: Record<string, string> = {
  active: 'teal',
  approved: 'teal',
  verified: 'teal',
  completed: 'teal',
  delivered: 'teal',
  paid: 'teal',
  pending: 'yellow',
  submitted: 'blue',
  processing: 'blue',
  shipped: 'blue',
  distributed: 'blue',
  suspended: 'red',
  rejected: 'red',
  failed: 'red',
  cancelled: 'gray',
  inactive: 'gray',
  refunded: 'grape',
  expired: 'gray',
};

/** A status word of the API, labelled in the reader's language. */
export function StatusBadge({ status, labels }: { status: string; labels?: Record<string, string> }) {
  return (
    // never cut short: a narrow column wraps around the badge instead
    <Badge color={COLORS[status] ?? 'gray'} variant="light" styles={{ root: { minWidth: 'max-content' } }}>
      {labels?.[status] ?? status}
    </Badge>
  );
}
