import { Migration } from '@mikro-orm/migrations';

export class Migration20261207190000_catalog_sort_indexes extends Migration {

  override name = 'Migration20261207190000_catalog_sort_indexes';

  override up(): void | Promise<void> {
    this.addSql(`create index "product_tenant_price_idx" on "product" ("tenant_id", "price", "id");`);
    this.addSql(`create index "product_tenant_name_idx" on "product" ("tenant_id", lower("name"), "id");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop index "product_tenant_price_idx";`);
    this.addSql(`drop index "product_tenant_name_idx";`);
  }

}
