import { Migration } from '@mikro-orm/migrations';

export class Migration20261207183000_withdrawal_queue_index extends Migration {

  override name = 'Migration20261207183000_withdrawal_queue_index';

  override up(): void | Promise<void> {
    this.addSql(`create index "savings_transaction_withdrawal_idx" on "savings_transaction" ("tenant_id", "status", "created_at") where category = 'withdrawal';`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop index "savings_transaction_withdrawal_idx";`);
  }

}
