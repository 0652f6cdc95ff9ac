import { isKomisiError } from '@komisi/sdk';
import { notifications } from '@mantine/notifications';

/** The API's own message, with the fields it names (validation errors). */
export function messageOf(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  if (isKomisiError(error) && error.fields) {
    const fields = Object.entries(error.fields).map(
      ([field, messages]) => `${field}: ${messages.join(', ')}`,
    );
    if (fields.length > 0) return `${error.message} (${fields.join('; ')})`;
  }
  return error.message;
}

export function notifyError(title: string, error: unknown): void {
  notifications.show({ color: 'red', title, message: messageOf(error), autoClose: 8000 });
}

export function notifySuccess(message: string): void {
  notifications.show({ color: 'teal', message, autoClose: 4000 });
}
