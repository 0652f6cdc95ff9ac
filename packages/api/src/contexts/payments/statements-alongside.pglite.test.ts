import { describe, expect, it } from 'vitest';
import { boundRow, sql } from '../../kernel/bound-sql.ts';
import { quickAccount } from '../../testing/referral-affiliates/affiliate-program.fixtures.ts';
import { useProgrammeWorld } from '../../testing/referral-affiliates/programme-world-hooks.ts';
import { Payment } from './payment.entity.ts';
import { webhookInbox } from './webhook-inbox.ts';

// Statements sent with another statement, on the embedded database as on PostgreSQL (the checkout
// and gateway tests run them there): the payment's insert with its subject's pointer, a delivery's
// inbox record with the payment it names, and the sandbox charge settled with the payment it pays.
const world = useProgrammeWorld({ on: 'pglite' });

async function openPayment() {
  const scope = world.scope();
  const account = await quickAccount(scope);
  const payment = await world.services.payments.create(
    scope,
    {
      accountId: account.id,
      purpose: 'order',
      subjectId: null,
      amount: 150_000,
      requestedMethod: 'virtual_account',
      callbackUrl: null,
      description: 'Order probe',
      customer: { email: account.email, name: 'Test Customer', phone: null },
      details: { note: "it's data" },
    },
    (paymentId) =>
      sql`insert into sequence_counter (tenant_id, name, value)
          values (${scope.tenant.id}, ${`probe:${account.id}`}, ${paymentId})`,
  );
  return { scope, account, payment };
}

describe('statements sent alongside, on PGlite', () => {
  it("a payment's insert runs the statement sent with it, which sees the payment's id", async () => {
    const { scope, account, payment } = await openPayment();
    const pointer = await boundRow<{ value: number }>(
      scope,
      sql`select value::int from sequence_counter where tenant_id = ${scope.tenant.id} and name = ${`probe:${account.id}`}`,
    );
    expect(pointer?.value).toBe(payment.id);
    const stored = await boundRow<{ amount: string; details: Record<string, unknown>; status: string }>(
      scope,
      sql`select amount::text, details, status from payment where id = ${payment.id}`,
    );
    expect(stored).toEqual({ amount: '150000', details: { note: "it's data" }, status: 'pending' });
  });

  it("records a delivery once and reads the payment it names in the delivery's statement", async () => {
    const { scope, payment } = await openPayment();
    const { payments } = world.services;
    const named = payments.byReference(scope, payment.provider, {
      providerReference: payment.providerReference,
    });
    const first = await webhookInbox.record(scope, payment.provider, `evt:${payment.id}`, '{}', named);
    expect(first.id).toEqual(expect.any(Number));
    const read = scope.em.map(Payment, first.alongside!);
    expect({ id: read.id, amount: read.amount, status: read.status }).toEqual({
      id: payment.id,
      amount: 150_000,
      status: 'pending',
    });
    // a repeated delivery: not recorded again
    const repeat = await webhookInbox.record(scope, payment.provider, `evt:${payment.id}`, '{}', named);
    expect(repeat.id).toBeNull();
    // a delivery naming no payment of ours, and one read with nothing alongside
    const stranger = payments.byReference(scope, payment.provider, { merchantReference: 'KMS-not-ours' });
    const unknown = await webhookInbox.record(scope, payment.provider, `evt:${payment.id}:x`, '{}', stranger);
    expect(unknown).toEqual({ id: expect.any(Number), alongside: null });
    const plain = await webhookInbox.record(scope, payment.provider, `evt:${payment.id}:y`, '{}');
    expect(plain).toEqual({ id: expect.any(Number), alongside: null });
  });

  it('settles a sandbox charge once and reads the payment it pays in the same statement', async () => {
    const { payment } = await openPayment();
    const { sandbox, gatewayNotifications } = world.services;
    expect(payment.provider).toBe('sandbox');
    const paying = gatewayNotifications.paymentOf('sandbox', payment.providerReference);
    const first = await sandbox.settle(payment.providerReference, 'success', paying);
    // the charge's status, and the payment's own (still pending: nothing has settled it yet)
    expect(first?.status).toBe('completed');
    const read = world.scope().em.map(Payment, first!.alongside!);
    expect({ id: read.id, status: read.status }).toEqual({ id: payment.id, status: 'pending' });
    // settling again keeps the first outcome and still reads the payment
    const again = await sandbox.settle(payment.providerReference, 'failed', paying);
    expect(again?.status).toBe('completed');
    expect(again?.alongside?.id).toBe(payment.id);
    // with nothing sent alongside, and for a charge that does not exist
    expect(await sandbox.settle(payment.providerReference, 'success')).toEqual({
      status: 'completed',
      alongside: null,
    });
    expect(await sandbox.settle('SBX-unknown', 'success', paying)).toBeNull();
  });
});
