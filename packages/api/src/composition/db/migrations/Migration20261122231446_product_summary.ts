import { Migration } from '@mikro-orm/migrations';

export class Migration20261122231446_product_summary extends Migration {

  override name = 'Migration20261122231446_product_summary';

  override up(): void | Promise<void> {
    this.addSql(`alter table "product" add "visible_min_price" bigint null, add "visible_stock" int not null default 0;`);

    this.addSql(`create or replace function "product_variant_product_variant_summary_fn"() returns trigger as \$\$ begin update product p set
        visible_min_price = (select min(pv.price) from product_variant pv where pv.product_id = p.id and pv.is_visible),
        visible_stock = (select coalesce(sum(pv.stock), 0) from product_variant pv where pv.product_id = p.id and pv.is_visible)
        where p.id in (case when tg_op <> 'INSERT' then old.product_id end, case when tg_op <> 'DELETE' then new.product_id end);         return null; end; \$\$ language plpgsql;`);
    this.addSql(`create trigger "product_variant_summary" AFTER INSERT OR UPDATE OR DELETE on "product_variant" for each ROW execute function "product_variant_product_variant_summary_fn"();`);

    // Backfill (data, not schema: written by hand).
    this.addSql(`update "product" p set
      "visible_min_price" = (select min(pv."price") from "product_variant" pv where pv."product_id" = p."id" and pv."is_visible"),
      "visible_stock" = (select coalesce(sum(pv."stock"), 0) from "product_variant" pv where pv."product_id" = p."id" and pv."is_visible");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "product" drop column "visible_min_price", drop column "visible_stock";`);

    this.addSql(`drop trigger if exists "product_variant_summary" on "product_variant";`);
    this.addSql(`drop function if exists "product_variant_product_variant_summary_fn"();`);
  }

}
