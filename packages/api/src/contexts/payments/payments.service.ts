import { randomUUID } from 'node:crypto';
import { type CurrencyCode, DomainError } from '@komisi/domain';
import type { RawBuilder } from 'kysely';
import { boundRow, boundRows, sql } from '../../kernel/bound-sql.ts';
import { inTransaction, type Scope } from '../../kernel/scope.ts';
import { type AccountRef, LedgerAccounts, type LedgerService } from '../ledger/ledger.service.ts';
import type { PaymentReference } from './gateway-notification.ts';
import { Payment, type PaymentPurpose, type PaymentStatus } from './payment.entity.ts';
import type { PaymentProvider, ProviderStatus } from './payment-provider.ts';

export interface NewPayment {
  accountId: number;
  purpose: PaymentPurpose;
  subjectId: number | null;
  amount: number;
  requestedMethod: string;
  callbackUrl: string | null;
  description: string;
  customer: { email: string; name: string; phone: string | null };
  details?: Record<string, unknown>;
  /**
   * Our reference of the payment, as the gateway is told it (Midtrans' `order_id`), unique in the
   * tenant and at most 64 characters; default `KMS-<uuid>`.
   */
  merchantReference?: string;
}

/**
 * What a context does when one of its payments completes or fails, inside the settling transaction;
 * `report` is the provider's answer that settled it (for the record a context keeps).
 */
export interface SettlementHandler {
  /**
   * The handler's first step as a statement sent with the payment's claim and receipt (it runs only
   * when the claim holds: it reads `guard`, e.g. `… where exists (select 1 from guard)`); its rows
   * are handed to `completed` as `claimRows`. For a completed payment only.
   */
  withClaim?(tx: Scope, payment: Payment): RawBuilder<unknown>;
  completed(tx: Scope, payment: Payment, report: ProviderStatus, claimRows?: unknown[]): Promise<unknown>;
  failed(tx: Scope, payment: Payment, report: ProviderStatus): Promise<unknown>;
}

/**
 * The account a completed payment of each purpose credits against the gateway's clearing: revenue,
 * or for a savings deposit (not revenue: the member's money) a liability its handler moves on.
 */
const RECEIVED_INTO: Record<PaymentPurpose, AccountRef> = {
  membership: LedgerAccounts.membershipRevenue,
  order: LedgerAccounts.salesRevenue,
  savings_deposit: LedgerAccounts.depositsReceived,
  programme: LedgerAccounts.programmeRevenue,
};

export type ProviderResolver = (scope: Scope) => PaymentProvider;

/** Where a provider sends the payer when the app gave no callback (a page the server serves). */
export type DefaultReturnUrl = (scope: Scope) => string;

export class PaymentsService {
  readonly #providerFor: ProviderResolver;
  readonly #ledger: LedgerService;
  readonly #handlers = new Map<PaymentPurpose, SettlementHandler>();

  readonly #defaultReturnUrl: DefaultReturnUrl;

  constructor(providerFor: ProviderResolver, ledger: LedgerService, defaultReturnUrl: DefaultReturnUrl) {
    this.#providerFor = providerFor;
    this.#ledger = ledger;
    this.#defaultReturnUrl = defaultReturnUrl;
  }

  onSettlement(purpose: PaymentPurpose, handler: SettlementHandler): void {
    this.#handlers.set(purpose, handler);
  }

  providerFor(scope: Scope): PaymentProvider {
    return this.#providerFor(scope);
  }

  async find(scope: Scope, paymentId: number, purpose: PaymentPurpose): Promise<Payment> {
    const payment = await scope.em.findOne(Payment, { id: paymentId, purpose });
    if (!payment) throw new DomainError('NOT_FOUND', 'Payment not found');
    return payment;
  }

  /**
   * A payment's row (`payment.*`) another context read in its own statement (joined to its subject),
   * as the entity; a missing one (a left join's nulls) is not found.
   */
  fromRow(scope: Scope, row: Record<string, unknown>): Payment {
    if (row.id == null) throw new DomainError('NOT_FOUND', 'Payment not found');
    return scope.em.map(Payment, row);
  }

  /**
   * The account's latest payment for `purpose` that is still open at the provider for the same
   * amount, so a second "pay" tap reuses it. One the provider has settled meanwhile is settled here.
   */
  async openPaymentOf(scope: Scope, accountId: number, purpose: PaymentPurpose, amount: number) {
    const latest = await scope.em.findOne(
      Payment,
      { account: accountId, purpose, status: 'pending', amount },
      { orderBy: { id: 'desc' } },
    );
    if (!latest) return null;
    const settled = await this.settle(scope, latest.id);
    return settled.status === 'pending' ? settled : null;
  }

  /**
   * Opens a charge at the tenant's provider and records it as pending. `alongside` is a statement
   * sent with the payment's insert (its id there is `paymentId`: a subquery), e.g. the subject
   * pointing at its payment: one round trip for both.
   */
  async create(
    scope: Scope,
    input: NewPayment,
    alongside?: (paymentId: RawBuilder<number>) => RawBuilder<unknown>,
  ): Promise<Payment> {
    const provider = this.#providerFor(scope);
    const merchantReference = input.merchantReference ?? `KMS-${randomUUID()}`;
    const created = await provider.createPayment({
      merchantReference,
      amount: input.amount,
      currency: scope.tenant.currency,
      description: input.description,
      callbackUrl: input.callbackUrl ?? this.#defaultReturnUrl(scope),
      customer: input.customer,
      method: input.requestedMethod,
    });
    const data = {
      tenant: scope.tenant.id,
      account: input.accountId,
      purpose: input.purpose,
      subjectId: input.subjectId,
      amount: input.amount,
      currency: scope.tenant.currency,
      provider: provider.name,
      requestedMethod: input.requestedMethod,
      merchantReference,
      providerReference: created.providerReference,
      paymentUrl: created.paymentUrl,
      callbackUrl: input.callbackUrl,
      details: {
        ...input.details,
        ...(created.token && { token: created.token }),
        ...(created.expiresAt && { expiresAt: created.expiresAt.toISOString() }),
        ...(created.instructions && { instructions: created.instructions }),
      },
      createdAt: scope.now,
      status: 'pending' as const,
      paidAt: null,
      failedAt: null,
    };
    // one statement with bound parameters (a flush would wrap the insert in a transaction of its
    // own), then managed as usual
    const insert = sql`insert into payment (tenant_id, account_id, purpose, subject_id, amount, currency, provider,
                         requested_method, status, merchant_reference, provider_reference, payment_url, callback_url,
                         details, created_at)
                       values (${data.tenant}, ${data.account}, ${data.purpose}, ${data.subjectId}, ${data.amount},
                         ${data.currency}, ${data.provider}, ${data.requestedMethod}, 'pending', ${merchantReference},
                         ${data.providerReference}, ${data.paymentUrl}, ${data.callbackUrl},
                         ${JSON.stringify(data.details)}::jsonb, ${data.createdAt})
                       returning id`;
    const [row] = await boundRows<{ id: number }>(
      scope,
      alongside
        ? sql`with created as (${insert}), alongside as (${alongside(sql<number>`(select id from created)`)})
              select id from created`
        : insert,
    );
    return scope.em.merge(Payment, { ...data, id: row!.id });
  }

  /**
   * Asks the provider for the payment's status and applies it once. Concurrent callers queue on
   * the payment's row lock; whoever comes second finds it settled and changes nothing.
   */
  async settle(scope: Scope, paymentId: number): Promise<Payment> {
    const current = await scope.em.findOne(Payment, { id: paymentId });
    if (!current) throw new DomainError('NOT_FOUND', 'Payment not found');
    if (current.status !== 'pending') return current;
    await this.settleLoaded(scope, current);
    return scope.em.findOneOrFail(Payment, { id: paymentId }, { refresh: true });
  }

  /**
   * `settle` for a payment the caller has loaded, without reading it back: `settledHere` when this
   * call moved it (its `status` then is the new one and `outcome` what the purpose's handler
   * returned), else `status` is what it was found (pending at the provider, or settled before) —
   * except after losing a race to a concurrent settler, when it is unknown here (null: read it).
   */
  async settleLoaded(
    scope: Scope,
    current: Payment,
    /** the purpose's handler for this payment, when the caller knows it better than the purpose's */
    handlerFor?: SettlementHandler,
  ): Promise<{ status: PaymentStatus | null; settledHere: boolean; outcome?: unknown }> {
    if (current.status !== 'pending') return { status: current.status, settledHere: false };
    const remote = await this.#providerFor(scope).queryStatus(current.providerReference, {
      merchantReference: current.merchantReference,
      amount: current.amount,
      currency: current.currency as CurrencyCode,
    });
    if (remote.status === 'pending') return { status: 'pending', settledHere: false };
    const handler = handlerFor ?? this.#handlers.get(current.purpose);
    if (!handler) throw new DomainError('INTERNAL_ERROR', `no settlement handler for ${current.purpose}`);
    return inTransaction(scope, async (tx) => {
      // The conditional update is the claim: the row lock queues concurrent settlers, and the
      // ones that follow find the status no longer pending and change nothing.
      const claim = sql`update payment set status = ${remote.status}, paid_at = ${remote.status === 'completed' ? tx.now : null},
                          failed_at = ${remote.status === 'failed' ? tx.now : null}
                        where tenant_id = ${tx.tenant.id} and id = ${current.id} and status = 'pending' returning id`;
      if (remote.status === 'completed') {
        // the claim, the receipt and the handler's first step in one statement
        const companion = handler.withClaim?.(tx, current);
        const receipt = await this.#postReceipt(tx, current, claim, companion);
        if (!receipt.guarded) return { status: null, settledHere: false };
        const outcome = await handler.completed(tx, current, remote, companion && receipt.companion);
        return { status: remote.status, settledHere: true, outcome };
      }
      const claimed = await boundRows<{ id: number }>(tx, claim);
      if (claimed.length === 0) return { status: null, settledHere: false };
      return { status: remote.status, settledHere: true, outcome: await handler.failed(tx, current, remote) };
    });
  }

  /** The money arrived at the gateway: clearing (asset) up, the purpose's account (`RECEIVED_INTO`) up. */
  #postReceipt(tx: Scope, payment: Payment, claim: RawBuilder<unknown>, companion?: RawBuilder<unknown>) {
    const revenue = RECEIVED_INTO[payment.purpose];
    return this.#ledger.postGuarded(
      tx,
      `payment:${payment.id}:received`,
      `Payment ${payment.merchantReference} received`,
      [
        { account: LedgerAccounts.gatewayClearing(payment.provider), amount: payment.amount },
        { account: revenue, amount: -payment.amount },
      ],
      { guard: claim, ...(companion && { companion }) },
    );
  }

  /** The query of the payment a gateway notification names, by the gateway's reference or ours. */
  byReference(scope: Scope, provider: string, reference: PaymentReference): RawBuilder<unknown> {
    const named =
      'providerReference' in reference
        ? sql`provider_reference = ${reference.providerReference}`
        : sql`merchant_reference = ${reference.merchantReference}`;
    return sql`select * from payment where tenant_id = ${scope.tenant.id} and provider = ${provider} and ${named} limit 1`;
  }

  /**
   * Settles the payment a gateway notification names (the notification itself is not trusted): its
   * status after, as `settleLoaded` tells it; null when no payment of ours has that reference.
   * `row` is the payment's row when the caller read it already (`byReference`), null when it found none.
   */
  async settleByReference(
    scope: Scope,
    provider: string,
    reference: PaymentReference,
    row?: Record<string, unknown> | null,
  ) {
    const found =
      row === undefined
        ? await boundRow<Record<string, unknown>>(scope, this.byReference(scope, provider, reference))
        : row;
    if (!found) return null;
    return this.settleLoaded(scope, scope.em.map(Payment, found));
  }
}
