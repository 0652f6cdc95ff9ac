import { DomainError } from '@komisi/domain';

/**
 * A database refusal the client caused, as the DomainError it should have been: a unique key two
 * requests raced for (409), a value PostgreSQL cannot take (400 naming the column). Recognised by
 * SQLSTATE, which the pg driver, PGlite and MikroORM's wrappers all carry as `code`. The transaction
 * was rolled back by then, so the request changed nothing. Anything else stays a 500.
 */
export function domainErrorFromDatabase(error: unknown): DomainError | null {
  const e = error as { code?: unknown; detail?: unknown; column?: unknown } | null;
  if (!e || typeof e !== 'object' || typeof e.code !== 'string' || !/^[0-9A-Z]{5}$/.test(e.code)) return null;
  const columns = keyColumns(e.detail) ?? (typeof e.column === 'string' ? [e.column] : []);
  const fields = (message: string) =>
    columns.length ? Object.fromEntries(columns.map((c) => [c, [message]])) : { _: [message] };
  switch (e.code) {
    case '23505': // unique_violation
      return new DomainError('CONFLICT', 'A record with these details already exists.', {
        fields: fields('is already taken'),
        cause: error,
      });
    case '23503': // foreign_key_violation
      return new DomainError('VALIDATION_ERROR', 'The request refers to a record that does not exist.', {
        fields: fields('refers to a record that does not exist'),
        cause: error,
      });
    case '40001': // serialization_failure
    case '40P01': // deadlock_detected
      return new DomainError('CONFLICT', 'The request ran into a concurrent change; please retry.', {
        cause: error,
      });
    case '22001': // string_data_right_truncation
      return invalid('is too long', error, fields);
    case '22003': // numeric_value_out_of_range
      return invalid('is out of range', error, fields);
    case '22007': // invalid_datetime_format
    case '22008': // datetime_field_overflow
      return invalid('is not a valid date', error, fields);
    case '22P02': // invalid_text_representation
    case '22P05': // untranslatable_character
    case '22021': // character_not_in_repertoire (a NUL)
    case '22025': // invalid_escape_sequence
      return invalid('has a value that cannot be stored', error, fields);
    default:
      return null;
  }
}

function invalid(
  message: string,
  cause: unknown,
  fields: (message: string) => Record<string, string[]>,
): DomainError {
  return new DomainError('VALIDATION_ERROR', 'The given data was invalid.', {
    fields: fields(message),
    cause,
  });
}

/** `Key (tenant_id, code)=(1, X) already exists.` → `['code']`: the columns a client chose. */
function keyColumns(detail: unknown): string[] | null {
  if (typeof detail !== 'string') return null;
  const list = detail.match(/^Key \(([^)]*)\)=/)?.[1];
  if (!list) return null;
  const columns = list
    .split(',')
    .map((c) => c.trim().replace(/^"|"$/g, ''))
    .filter((c) => /^[a-z_][a-z0-9_]*$/.test(c) && c !== 'tenant_id');
  return columns.length ? columns : null;
}
