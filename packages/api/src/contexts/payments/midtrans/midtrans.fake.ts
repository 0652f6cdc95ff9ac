import { randomUUID } from 'node:crypto';
import { type Context, Hono } from 'hono';
import { isJson, type Json, type RecordedRequest, recordRequests } from '../fake-http.ts';
import { chargeJson, type FakeMidtransNotification, notificationAbout, statusJson } from './fake/answers.ts';
import {
  chargeProblems,
  type FakeMidtransFraudStatus,
  type FakeMidtransStatus,
  type FakeMidtransTransaction,
  openTransaction,
} from './fake/transactions.ts';

/**
 * An in-memory Midtrans Core API for tests: bank-transfer charges (virtual accounts) and the status
 * API. It checks every request's HTTP Basic auth as Midtrans does (the server key as user name, an
 * empty password; anything else gets 401 `Unknown Merchant server_key/id`), validates charges and
 * refuses a repeated order_id as Midtrans does, keeps the transactions, lets a test pay, expire,
 * deny or challenge one, and builds the notifications Midtrans would POST, signed with the server key.
 */

export type {
  FakeMidtransFraudStatus,
  FakeMidtransNotification,
  FakeMidtransStatus,
  FakeMidtransTransaction,
};

export interface FakeMidtransOptions {
  serverKey: string;
  /** `G…`, the merchant's id printed in answers */
  merchantId?: string;
  /** sent as `X-Callback-Token` with every notification (the koperasi spec's header), when set */
  callbackToken?: string;
  /** the fake's clock; a pending transaction past its expiry reads `expire` */
  now?: () => Date;
}

export type FakeMidtransRequest = RecordedRequest;

export interface FakeMidtrans {
  fetch: (req: Request) => Promise<Response>;
  /** the payer transfers into a pending transaction's account (pending → settlement); by order_id or transaction_id */
  pay(id: string): void;
  /** a pending transaction expires (as at its expiry time) */
  expire(id: string): void;
  /** Midtrans denies it (transaction_status `deny`) */
  deny(id: string): void;
  /** the fraud check challenges it (`capture` with fraud_status `challenge`), as a card payment under review */
  challenge(id: string): void;
  /** sets the status without any rule, to stage what a test needs (a refund, a chargeback) */
  setStatus(id: string, status: FakeMidtransStatus, fraudStatus?: FakeMidtransFraudStatus): void;
  /** the notification Midtrans would POST about the transaction as it is now (see `notificationAbout`) */
  notification(id: string, overrides?: Json): FakeMidtransNotification;
  /** the transaction an id names: its transaction_id, or the latest of its order_id */
  find(id: string): FakeMidtransTransaction | undefined;
  /** keyed by transaction_id */
  transactions: Map<string, FakeMidtransTransaction>;
  requests: FakeMidtransRequest[];
}

function midtransError(
  c: Context,
  status: 400 | 401 | 402 | 404 | 406 | 413,
  message: string,
  extra: Json = {},
) {
  return c.json({ status_code: String(status), status_message: message, id: randomUUID(), ...extra }, status);
}

/** Basic auth as Midtrans takes it: the server key as the user name and an empty password. */
function authorized(header: string | undefined, serverKey: string): boolean {
  const match = /^Basic\s+(\S+)$/i.exec(header ?? '');
  if (!match) return false;
  return Buffer.from(match[1] as string, 'base64').toString('utf8') === `${serverKey}:`;
}

export function createFakeMidtrans(options: FakeMidtransOptions): FakeMidtrans {
  const now = options.now ?? (() => new Date());
  const merchantId = options.merchantId ?? 'G123456789';
  const transactions = new Map<string, FakeMidtransTransaction>();
  const requests: FakeMidtransRequest[] = [];
  const app = new Hono();

  app.use('*', recordRequests(requests));

  app.use('*', async (c, next) => {
    if (!authorized(c.req.header('Authorization'), options.serverKey)) {
      return midtransError(c, 401, 'Unknown Merchant server_key/id');
    }
    return next();
  });

  app.post('/v2/charge', async (c) => {
    let body: unknown;
    try {
      body = await c.req.json();
    } catch {
      return midtransError(
        c,
        413,
        'The request cannot be processed due to malformed syntax in the request body',
      );
    }
    if (!isJson(body)) return midtransError(c, 400, 'One or more parameters in the payload is invalid.');
    if (body.payment_type === undefined) {
      return midtransError(c, 400, 'One or more parameters in the payload is invalid.', {
        validation_messages: ['payment_type is required'],
      });
    }
    if (body.payment_type !== 'bank_transfer') {
      return midtransError(c, 402, "Merchant doesn't have access for this payment type");
    }
    const problems = chargeProblems(body);
    if (problems.length > 0) {
      return midtransError(c, 400, 'One or more parameters in the payload is invalid.', {
        validation_messages: problems,
      });
    }
    const orderId = (body.transaction_details as Json).order_id as string;
    // an order_id may be charged again only once its transaction expired
    const previous = find(orderId);
    if (previous && previous.transactionStatus !== 'expire') {
      return midtransError(
        c,
        406,
        'The request could not be completed due to a conflict with the current state of the target resource, please try again',
      );
    }
    const transaction = openTransaction(body, {
      merchantId,
      at: now(),
      serial: transactions.size + 1,
      notificationUrl: c.req.header('X-Override-Notification') ?? null,
    });
    transactions.set(transaction.transactionId, transaction);
    return c.json(chargeJson(transaction));
  });

  app.get('/v2/:id/status', (c) => {
    const transaction = find(c.req.param('id'));
    if (!transaction) return midtransError(c, 404, "Transaction doesn't exist.");
    return c.json(statusJson(transaction));
  });

  app.notFound((c) => midtransError(c, 404, 'The requested resource is not found'));

  /** The transaction as of now: a pending one past its expiry time has expired. */
  function find(id: string): FakeMidtransTransaction | undefined {
    const transaction =
      transactions.get(id) ?? [...transactions.values()].filter((t) => t.orderId === id).at(-1);
    if (transaction?.transactionStatus === 'pending' && now() >= transaction.expiryTime) {
      transaction.transactionStatus = 'expire';
    }
    return transaction;
  }

  function pending(id: string, action: string): FakeMidtransTransaction {
    const transaction = find(id);
    if (!transaction) throw new Error(`fake Midtrans has no transaction ${id}`);
    if (transaction.transactionStatus !== 'pending') {
      throw new Error(`fake Midtrans cannot ${action} a ${transaction.transactionStatus} transaction`);
    }
    return transaction;
  }

  return {
    fetch: async (req) => app.fetch(req),
    pay(id) {
      const transaction = pending(id, 'pay');
      transaction.transactionStatus = 'settlement';
      transaction.settlementTime = now();
    },
    expire(id) {
      pending(id, 'expire').transactionStatus = 'expire';
    },
    deny(id) {
      pending(id, 'deny').transactionStatus = 'deny';
    },
    challenge(id) {
      const transaction = pending(id, 'challenge');
      transaction.transactionStatus = 'capture';
      transaction.fraudStatus = 'challenge';
    },
    setStatus(id, status, fraudStatus) {
      const transaction = find(id);
      if (!transaction) throw new Error(`fake Midtrans has no transaction ${id}`);
      transaction.transactionStatus = status;
      if (fraudStatus) transaction.fraudStatus = fraudStatus;
      if (status === 'settlement') transaction.settlementTime ??= now();
    },
    notification(id, overrides = {}) {
      const transaction = find(id);
      if (!transaction) throw new Error(`fake Midtrans has no transaction ${id}`);
      return notificationAbout(transaction, overrides, {
        serverKey: options.serverKey,
        callbackToken: options.callbackToken,
      });
    },
    find,
    transactions,
    requests,
  };
}
