import { randomBytes } from 'node:crypto';
import { DomainError } from '@komisi/domain';
import type { RawBuilder } from 'kysely';
import { z } from 'zod';
import { boundRow, boundRowAlongside, boundRun, sql } from '../../kernel/bound-sql.ts';
import { type Orm, systemEm } from '../../kernel/database.ts';
import type {
  CreatedPayment,
  CreatePaymentRequest,
  PaymentProvider,
  ProviderStatus,
} from './payment-provider.ts';
import { SandboxCharge } from './sandbox-charge.entity.ts';

export const SANDBOX_PAY_PATH = '/sandbox/pay';

/** What `createPayment` hands out (`SBX-` and base64url); nothing else is ever looked up. */
export function isSandboxReference(reference: string): boolean {
  return /^SBX-[A-Za-z0-9_-]{1,64}$/.test(reference);
}

/** The pay page's form (or its JSON twin): `outcome=success|failed` and nothing the page needs besides. */
export const sandboxPayBody = z.object({ outcome: z.enum(['success', 'failed']) });

/**
 * A built-in gateway for demos and tests: its payment page (served by the server) has Pay and
 * Fail buttons, and a POST to the page settles the charge. It keeps its own book of charges.
 */
export class SandboxProvider implements PaymentProvider {
  readonly name = 'sandbox';
  readonly #orm: Orm;
  readonly #tenantId: number;
  readonly #baseUrl: () => string;

  constructor(orm: Orm, tenantId: number, baseUrl: () => string) {
    this.#orm = orm;
    this.#tenantId = tenantId;
    this.#baseUrl = baseUrl;
  }

  async createPayment(request: CreatePaymentRequest): Promise<CreatedPayment> {
    const reference = `SBX-${randomBytes(9).toString('base64url')}`;
    // one insert with bound parameters (a unit of work's flush would wrap it in a transaction)
    await boundRun(
      systemEm(this.#orm),
      sql`insert into sandbox_charge (reference, tenant_id, merchant_reference, amount, currency, description, created_at)
          values (${reference}, ${this.#tenantId}, ${request.merchantReference}, ${request.amount}, ${request.currency},
                  ${request.description.slice(0, 255)}, ${new Date()})`,
    );
    return { providerReference: reference, paymentUrl: `${this.#baseUrl()}${SANDBOX_PAY_PATH}/${reference}` };
  }

  async queryStatus(providerReference: string): Promise<ProviderStatus> {
    const charge = await boundRow<{ status: SandboxCharge['status'] }>(
      systemEm(this.#orm),
      sql`select status from sandbox_charge where reference = ${providerReference}`,
    );
    if (!charge) throw new DomainError('PAYMENT_PROVIDER_ERROR', 'Unknown sandbox payment');
    return { status: charge.status, description: `sandbox charge ${charge.status}` };
  }
}

/** The sandbox gateway's side: show and settle a charge. Settling is final (first outcome wins). */
export class SandboxGateway {
  readonly #orm: Orm;
  constructor(orm: Orm) {
    this.#orm = orm;
  }

  find(reference: string): Promise<SandboxCharge | null> {
    return systemEm(this.#orm).findOne(SandboxCharge, { reference });
  }

  /**
   * Settles a pending charge; its status after (this call's outcome, or the one settled before), null
   * when unknown. `alongside` is a query of one row sent in the same statement (the payment the
   * charge settles, as `GatewayNotifications.paymentOf` reads it): its row, or null when it finds none.
   */
  async settle(
    reference: string,
    outcome: 'success' | 'failed',
    alongside?: RawBuilder<unknown>,
  ): Promise<{ status: SandboxCharge['status']; alongside: Record<string, unknown> | null } | null> {
    // one statement: the conditional update, else the status it already has (the same snapshot)
    const settled = await boundRowAlongside<SandboxCharge['status']>(
      systemEm(this.#orm),
      sql`with settled as (
            update sandbox_charge set status = ${outcome === 'success' ? 'completed' : 'failed'}, settled_at = ${new Date()}
            where reference = ${reference} and status = 'pending' returning status),
          charge as (
            select status from settled
            union all
            select status from sandbox_charge where reference = ${reference} and not exists (select 1 from settled))`,
      sql`(select status from charge)`,
      'sandbox_charge_status',
      alongside,
    );
    return settled.own === null ? null : { status: settled.own, alongside: settled.alongside };
  }
}
