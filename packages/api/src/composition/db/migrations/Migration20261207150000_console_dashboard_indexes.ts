import { Migration } from '@mikro-orm/migrations';

export class Migration20261207150000_console_dashboard_indexes extends Migration {

  override name = 'Migration20261207150000_console_dashboard_indexes';

  override up(): void | Promise<void> {
    this.addSql(`create index "customer_order_paid_idx" on "customer_order" ("tenant_id", "paid_at") where paid_at is not null;`);

    this.addSql(`create index "commission_created_idx" on "commission" ("tenant_id", "created_at");`);

    this.addSql(`create index "affiliate_referral_tenant_confirmed_idx" on "affiliate_referral" ("tenant_id", "confirmed_at") include ("commission") where status <> 'reversed' and confirmed_at is not null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop index "affiliate_referral_tenant_confirmed_idx";`);

    this.addSql(`drop index "commission_created_idx";`);

    this.addSql(`drop index "customer_order_paid_idx";`);
  }

}
