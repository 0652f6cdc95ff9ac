import { Migration } from '@mikro-orm/migrations';

export class Migration20261207105000_payment_reference_per_tenant extends Migration {

  override name = 'Migration20261207105000_payment_reference_per_tenant';

  override up(): void | Promise<void> {
    this.addSql(`alter table "payment" drop constraint "payment_merchant_reference_unique";`);
    this.addSql(`alter table "payment" add constraint "payment_tenant_id_merchant_reference_unique" unique ("tenant_id", "merchant_reference");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "payment" drop constraint "payment_tenant_id_merchant_reference_unique";`);
    this.addSql(`alter table "payment" add constraint "payment_merchant_reference_unique" unique ("merchant_reference");`);
  }

}
