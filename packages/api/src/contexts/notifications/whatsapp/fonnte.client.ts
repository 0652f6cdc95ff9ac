export const FONNTE_BASE_URL = 'https://api.fonnte.com';
export const FONNTE_TIMEOUT_MS = 10_000;

/** A message Fonnte did not take, with its reason (`token invalid`, `target invalid`…); never the token. */
export class FonnteError extends Error {
  override readonly name = 'FonnteError';
}

export interface FonnteAccount {
  /** the device's token, sent as the `Authorization` header (no `Bearer`) */
  token: string;
  baseUrl?: string | undefined;
}

export interface FonnteSendOptions {
  fetch?: typeof fetch | undefined;
  timeoutMs?: number | undefined;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

/** Fonnte's words for a refusal; its keys' case is not consistent (`Status`, `reason`, `detail`). */
function field(body: Record<string, unknown>, name: string): unknown {
  const key = Object.keys(body).find((k) => k.toLowerCase() === name);
  return key === undefined ? undefined : body[key];
}

/**
 * Sends one text message through Fonnte (`POST {baseUrl}/send`, JSON `target`, `message`,
 * `countryCode: '62'`). Fonnte answers `{ status: true, id: ['80367170'], … }`, or `status: false`
 * with a `reason`; the message's id is returned so its status reports can be matched.
 */
export async function sendFonnteMessage(
  account: FonnteAccount,
  message: { target: string; message: string },
  options: FonnteSendOptions = {},
): Promise<{ id: string | undefined }> {
  const url = `${(account.baseUrl ?? FONNTE_BASE_URL).replace(/\/+$/, '')}/send`;
  let response: Response;
  try {
    response = await (options.fetch ?? globalThis.fetch)(url, {
      method: 'POST',
      headers: { Authorization: account.token, 'Content-Type': 'application/json' },
      body: JSON.stringify({ target: message.target, message: message.message, countryCode: '62' }),
      signal: AbortSignal.timeout(options.timeoutMs ?? FONNTE_TIMEOUT_MS),
    });
  } catch (err) {
    const cause = (err as Error)?.name === 'TimeoutError' ? 'timed out' : 'unreachable';
    throw new FonnteError(`Fonnte ${cause} (${url})`);
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    body = undefined;
  }
  if (!response.ok || !isObject(body) || field(body, 'status') !== true) {
    const said = isObject(body) ? (field(body, 'reason') ?? field(body, 'detail')) : undefined;
    const reason = typeof said === 'string' && said !== '' ? said : `HTTP ${response.status}`;
    // a reason may echo the number: keep personal data out of logs and last_error
    throw new FonnteError(`Fonnte refused the message: ${reason.split(message.target).join('[recipient]')}`);
  }
  const ids = field(body, 'id');
  const id = Array.isArray(ids) ? ids[0] : ids;
  return { id: typeof id === 'string' || typeof id === 'number' ? String(id) : undefined };
}
