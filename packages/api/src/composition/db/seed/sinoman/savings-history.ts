import { addMonths, type SavingsCode } from '@komisi/domain';
import { SavingsCompanyAccounts } from '../../../../contexts/savings/savings-ledger.ts';
import { localMonth } from '../../../../contexts/savings/savings-settings.ts';
import { inTransaction, type Scope } from '../../../../kernel/scope.ts';
import type { Services } from '../../../services.ts';

/** One thing that happened to a member's savings, at a moment of the past year. */
type SavingsEvent =
  | { at: Date; kind: 'deposit'; owner: number; product: SavingsCode; amount: number; key: string }
  | { at: Date; kind: 'withdrawal'; owner: number; amount: number }
  | { at: Date; kind: 'interest'; month: string };

const DEPOSIT_NAMES: Record<SavingsCode, string> = {
  SP: 'Setoran Simpanan Pokok',
  SW: 'Setoran Simpanan Wajib',
  SS: 'Setoran Simpanan Sukarela',
};

/** `day` of `month` at `hour` o'clock UTC (Jakarta is UTC+7: 02:00 UTC is 09:00 there). */
function at(month: string, day: number, hour: number): Date {
  return new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)) - 1, day, hour));
}

/**
 * The past year of one member: Simpanan Pokok in the first month, Simpanan Wajib every month,
 * Simpanan Sukarela every third month (from a different month per member), and for every other
 * member two withdrawals.
 */
function memberEvents(owner: number, index: number, months: string[]): SavingsEvent[] {
  const events: SavingsEvent[] = [];
  const deposit = (month: string, day: number, product: SavingsCode, amount: number) =>
    events.push({
      at: at(month, day, 2 + (index % 6)),
      kind: 'deposit',
      owner,
      product,
      amount,
      key: `demo-deposit:${owner}:${product}:${month}`,
    });
  months.forEach((month, m) => {
    if (m === 0) deposit(month, 2, 'SP', 80_000);
    deposit(month, 5 + (index % 5), 'SW', 10_000);
    if ((m + index) % 3 === 0) deposit(month, 12, 'SS', 100_000 + 50_000 * (index % 3));
    if (index % 2 === 0 && (m === 5 || m === 10)) {
      events.push({ at: at(month, 20, 3), kind: 'withdrawal', owner, amount: 50_000 });
    }
  });
  return events;
}

/**
 * A year of deposits, withdrawals and interest on the demo members' savings accounts, recorded as
 * it would have happened (each at its past moment, in order, so balances before and after hold):
 * deposits as cash taken at the counter, withdrawals requested then paid out the next day, and each
 * month's interest credited on the first of the next.
 */
export async function seedSinomanSavingsHistory(
  services: Services,
  scope: Scope,
  memberAccountIds: readonly number[],
): Promise<void> {
  if (memberAccountIds.length === 0) return;
  const current = localMonth(scope.now, scope.tenant.timeZone);
  const months = Array.from({ length: 12 }, (_, i) => addMonths(current, i - 12));
  const events: SavingsEvent[] = memberAccountIds.flatMap((owner, i) => memberEvents(owner, i, months));
  // the first of the next month, 01:00 in Jakarta (18:00 UTC the day before)
  for (const month of months) events.push({ at: at(addMonths(month, 1), 0, 18), kind: 'interest', month });
  const past = events.filter((e) => e.at <= scope.now).sort((a, b) => a.at.getTime() - b.at.getTime());

  // the demo members joined a year ago: their accounts were open (and earning interest) since
  const joined = at(months[0]!, 1, 1);
  for (const owner of memberAccountIds)
    await services.savingsAccounts.openAccounts({ ...scope, now: joined }, owner);
  await scope.em.execute(
    'update savings_account set opened_at = ? where tenant_id = ? and owner_account_id in (?) and opened_at > ?',
    [joined, scope.tenant.id, [...memberAccountIds], joined],
  );
  const [admin] = await scope.em.execute<{ id: number }[]>(
    `select id from account where tenant_id = ? and 'admin' = any(roles) order by id limit 1`,
    [scope.tenant.id],
  );
  // one transaction for the whole history: a demo seed's hundreds of entries commit at once
  await inTransaction(scope, async (tx) => {
    for (const event of past) {
      await replay(services, { ...tx, now: event.at }, event, admin?.id ?? null);
      // nothing read is needed again: each flush then has only the event's own rows to look at
      tx.em.clear();
    }
  });
}

async function replay(services: Services, then: Scope, event: SavingsEvent, admin: number | null) {
  if (event.kind === 'deposit') {
    await services.savingsCredits.credit(then, {
      ownerAccountId: event.owner,
      productCode: event.product,
      typeCode: `${event.product}_DEPOSIT`,
      category: 'deposit',
      amount: event.amount,
      description: DEPOSIT_NAMES[event.product],
      idempotencyKey: event.key,
      from: SavingsCompanyAccounts.cash,
      paymentMethod: 'cash',
      notes: 'Setoran tunai di kantor koperasi',
    });
  } else if (event.kind === 'withdrawal') {
    await withdraw(services, then, event.owner, event.amount, admin);
  } else {
    await services.savingsInterest.creditMonth(then, event.month);
  }
}

async function withdraw(
  services: Services,
  scope: Scope,
  owner: number,
  amount: number,
  admin: number | null,
) {
  const ss = (await services.savingsAccounts.accountsOf(scope, owner)).find((a) => a.product.code === 'SS');
  if (!ss || ss.balance < amount) return;
  const withdrawal = await services.savingsWithdrawals.request(scope, owner, {
    savingsAccountId: ss.account.publicId,
    amount,
    description: 'Penarikan simpanan sukarela',
    bankAccount: { bank_name: 'Bank BCA', account_number: '1234567890', account_name: 'Anggota Sinoman' },
  });
  const nextDay: Scope = { ...scope, now: new Date(scope.now.getTime() + 86_400_000) };
  await services.savingsWithdrawals.decide(
    nextDay,
    withdrawal.publicId,
    { status: 'completed', notes: 'Ditransfer ke rekening anggota' },
    admin,
  );
}
