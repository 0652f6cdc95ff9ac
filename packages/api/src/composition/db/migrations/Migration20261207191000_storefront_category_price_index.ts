import { Migration } from '@mikro-orm/migrations';

export class Migration20261207191000_storefront_category_price_index extends Migration {

  override name = 'Migration20261207191000_storefront_category_price_index';

  override up(): void | Promise<void> {
    this.addSql(`create index "product_category_selling_price_idx" on "product" ("tenant_id", "category_id", "selling_price") where slug is not null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop index "product_category_selling_price_idx";`);
  }

}
