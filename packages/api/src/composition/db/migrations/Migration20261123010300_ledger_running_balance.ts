import { Migration } from '@mikro-orm/migrations';

export class Migration20261123010300_ledger_running_balance extends Migration {

  override name = 'Migration20261123010300_ledger_running_balance';

  override up(): void | Promise<void> {
    this.addSql(`alter table "ledger_account" add "running_balance" bigint null;`);
    // the accounts that keep one (LedgerAccounts with runningBalance): an affiliate's balances
    this.addSql(`update ledger_account a
      set running_balance = coalesce((select sum(p.amount) from ledger_posting p where p.ledger_account_id = a.id), 0)
      where a.code ~ '^affiliate:[0-9]+:(on-hold|available|payouts-pending)$';`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "ledger_account" drop column "running_balance";`);
  }

}
