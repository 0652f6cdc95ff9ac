import { Migration } from '@mikro-orm/migrations';

export class Migration20261122234233_product_search_filters extends Migration {

  override name = 'Migration20261122234233_product_search_filters';

  override up(): void | Promise<void> {
    this.addSql(`drop index "product_search_idx";`);
    this.addSql(`alter table "product" add "selling_price" bigint generated always as (coalesce(visible_min_price, price)) stored not null, add "variant_keys" bigint[] not null default '{}', add "search_vector" tsvector generated always as (to_tsvector('simple', name || ' ' || coalesce(description, ''))) stored not null;`);
    this.addSql(`create index "product_search_vector_idx" on "product" using gin ("search_vector");`);
    this.addSql(`create index "product_variant_keys_idx" on "product" using gin ("variant_keys");`);
    this.addSql(`create index "product_selling_price_idx" on "product" ("tenant_id", "selling_price") where slug is not null;`);

    this.addSql(`drop trigger if exists "product_variant_summary" on "product_variant";`);
    this.addSql(`drop function if exists "product_variant_product_variant_summary_fn"();`);
    this.addSql(`create or replace function "product_variant_product_variant_summary_fn"() returns trigger as \$\$ begin update product p set visible_min_price = (select min(pv.price) from product_variant pv where pv.product_id = p.id and pv.is_visible),
        visible_stock = (select coalesce(sum(pv.stock), 0) from product_variant pv where pv.product_id = p.id and pv.is_visible),
        variant_keys = coalesce((select array_agg(distinct hashtextextended(coalesce(quote_literal(lower(case when uc then pv.color end)), '-') || ',' || coalesce(quote_literal(lower(case when uf then pv.finishing end)), '-') || ',' || coalesce(quote_literal(lower(case when us then pv.size end)), '-') || ',' || case when ust then 'stock' else '-' end, 0))
      from product_variant pv cross join (values (true), (false)) c(uc) cross join (values (true), (false)) f(uf) cross join (values (true), (false)) s(us) cross join (values (true), (false)) st(ust)
      where pv.product_id = p.id and pv.is_visible and (uc or uf or us or ust)
        and (not uc or pv.color is not null) and (not uf or pv.finishing is not null)
        and (not us or pv.size is not null) and (not ust or pv.stock > 0)), '{}')
        where p.id in (case when tg_op <> 'INSERT' then old.product_id end, case when tg_op <> 'DELETE' then new.product_id end);         return null; end; \$\$ language plpgsql;`);
    this.addSql(`create trigger "product_variant_summary" AFTER INSERT OR UPDATE OR DELETE on "product_variant" for each ROW execute function "product_variant_product_variant_summary_fn"();`);

    // the new filter keys of every product that has variants (the trigger keeps them from now on)
    // (the trigger's statement as of this migration, copied so later changes to it leave this one alone)
    this.addSql(`update product p set visible_min_price = (select min(pv.price) from product_variant pv where pv.product_id = p.id and pv.is_visible),
        visible_stock = (select coalesce(sum(pv.stock), 0) from product_variant pv where pv.product_id = p.id and pv.is_visible),
        variant_keys = coalesce((select array_agg(distinct hashtextextended(coalesce(quote_literal(lower(case when uc then pv.color end)), '-') || ',' || coalesce(quote_literal(lower(case when uf then pv.finishing end)), '-') || ',' || coalesce(quote_literal(lower(case when us then pv.size end)), '-') || ',' || case when ust then 'stock' else '-' end, 0))
      from product_variant pv cross join (values (true), (false)) c(uc) cross join (values (true), (false)) f(uf) cross join (values (true), (false)) s(us) cross join (values (true), (false)) st(ust)
      where pv.product_id = p.id and pv.is_visible and (uc or uf or us or ust)
        and (not uc or pv.color is not null) and (not uf or pv.finishing is not null)
        and (not us or pv.size is not null) and (not ust or pv.stock > 0)), '{}')
        where exists (select 1 from product_variant pv where pv.product_id = p.id);`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop index "product_search_vector_idx";`);
    this.addSql(`drop index "product_variant_keys_idx";`);
    this.addSql(`drop index "product_selling_price_idx";`);
    this.addSql(`alter table "product" drop column "selling_price", drop column "variant_keys", drop column "search_vector";`);
    this.addSql(`CREATE INDEX product_search_idx ON public.product USING gin (to_tsvector('simple'::regconfig, (((name)::text || ' '::text) || COALESCE(description, ''::text))));`);

    this.addSql(`drop trigger if exists "product_variant_summary" on "product_variant";`);
    this.addSql(`drop function if exists "product_variant_product_variant_summary_fn"();`);
    this.addSql(`create or replace function "product_variant_product_variant_summary_fn"() returns trigger as \$\$ begin update product p set
        visible_min_price = (select min(pv.price) from product_variant pv where pv.product_id = p.id and pv.is_visible),
        visible_stock = (select coalesce(sum(pv.stock), 0) from product_variant pv where pv.product_id = p.id and pv.is_visible)
        where p.id in (case when tg_op <> 'INSERT' then old.product_id end, case when tg_op <> 'DELETE' then new.product_id end);         return null; end; \$\$ language plpgsql;`);
    this.addSql(`create trigger "product_variant_summary" AFTER DELETE OR INSERT OR UPDATE on "product_variant" for each ROW execute function "product_variant_product_variant_summary_fn"();`);
  }

}
