import { Migration } from '@mikro-orm/migrations';

export class Migration20261123010500_unpaid_order_index extends Migration {

  override name = 'Migration20261123010500_unpaid_order_index';

  override up(): void | Promise<void> {
    this.addSql(`create index "customer_order_unpaid_idx" on "customer_order" ("tenant_id", "created_at") where status = 'pending_payment' and order_number is not null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop index "customer_order_unpaid_idx";`);
  }

}
