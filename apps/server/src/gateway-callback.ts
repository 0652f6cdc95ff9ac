import {
  type ApiError,
  type AppProfile,
  type Logger,
  type PaymentGateway,
  readCapped,
  type Scope,
  type Services,
  toApiError,
} from '@komisi/api';
import type { Context } from 'hono';

/** Gateway notifications are a few kilobytes; nothing larger is read. */
const MAX_CALLBACK_BODY_BYTES = 64 * 1024;

const TOO_LARGE: ApiError = {
  status: 413,
  code: 'VALIDATION_ERROR',
  message: 'The notification body is too large.',
  fields: undefined,
  details: undefined,
};

/**
 * A payment gateway's callback, one route for every gateway: the body read under
 * `MAX_CALLBACK_BODY_BYTES` and handed to the gateway's notifications, which verify, parse, record
 * and settle it. A refusal (not configured, bad signature, malformed) or a failure is answered in
 * the profile's envelope; an acknowledgement in the shape the gateway expects.
 */
export async function gatewayCallback(
  c: Context,
  deps: { services: Services; log: Logger },
  profile: AppProfile,
  gateway: PaymentGateway,
  scope: () => Scope,
) {
  const requestId = c.get('requestId') as string;
  const bytes = await readCapped(c.req.raw, MAX_CALLBACK_BODY_BYTES);
  if (!bytes) return refuse(c, profile, TOO_LARGE);
  try {
    const received = await deps.services.gatewayNotifications.receive(scope(), gateway, {
      method: c.req.method,
      headers: c.req.header(),
      rawBody: bytes.toString('utf8'),
      // the path as it went on the wire: what DOKU's signature covers
      path: new URL(c.req.url).pathname,
      query: c.req.query(),
    });
    if (received.failure !== undefined)
      deps.log.error({ err: received.failure, requestId, gateway: gateway.name }, 'gateway callback failed');
    return c.json(received.body, 200);
  } catch (err) {
    const error = toApiError(err);
    if (error.status >= 500) deps.log.error({ err, requestId }, 'gateway callback failed');
    return refuse(c, profile, error);
  }
}

/** An error in the profile's envelope, with the status its wire style gives it. */
function refuse(c: Context, profile: AppProfile, error: ApiError) {
  return c.json(
    profile.wire.error(error, c.get('requestId') as string) as object,
    // a wire style may fold statuses its spec does not list; 413 stays what it is
    (error.status === 413 ? 413 : profile.wire.status(error)) as 400,
  );
}
