import { Migration } from '@mikro-orm/migrations';

export class Migration20261122222223_catalog_carts_vouchers extends Migration {

  override name = 'Migration20261122222223_catalog_carts_vouchers';

  override up(): void | Promise<void> {
    this.addSql(`create table "product_variant" ("id" serial primary key, "tenant_id" int not null, "product_id" int not null, "sku" varchar(64) not null, "color" varchar(60) null, "finishing" varchar(60) null, "size" varchar(60) null, "price" bigint not null, "stock" int not null default 0, "is_visible" boolean not null default true);`);
    this.addSql(`create index "product_variant_product_idx" on "product_variant" ("product_id");`);
    this.addSql(`alter table "product_variant" add constraint "product_variant_tenant_id_sku_unique" unique ("tenant_id", "sku");`);

    this.addSql(`create table "product_image" ("id" serial primary key, "tenant_id" int not null, "product_id" int not null, "url" varchar(1000) not null, "alt" varchar(300) null, "is_primary" boolean not null default false, "position" smallint not null default 0);`);
    this.addSql(`create index "product_image_product_id_index" on "product_image" ("product_id");`);

    this.addSql(`create table "product_review" ("id" serial primary key, "tenant_id" int not null, "product_id" int not null, "account_id" int not null, "order_id" int not null, "rating" smallint not null, "title" varchar(200) null, "comment" text null, "images" jsonb not null default '[]', "helpful_count" int not null default 0, "created_at" timestamptz not null);`);
    this.addSql(`create index "product_review_product_idx" on "product_review" ("tenant_id", "product_id", "created_at");`);
    this.addSql(`alter table "product_review" add constraint "product_review_product_id_account_id_order_id_unique" unique ("product_id", "account_id", "order_id");`);

    this.addSql(`create table "cart" ("id" serial primary key, "tenant_id" int not null, "account_id" int null, "guest_token_hash" varchar(64) null, "voucher_code" varchar(40) null, "created_at" timestamptz not null, "updated_at" timestamptz not null);`);
    this.addSql(`alter table "cart" add constraint "cart_account_unique" unique ("account_id");`);
    this.addSql(`alter table "cart" add constraint "cart_guest_token_unique" unique ("guest_token_hash");`);

    this.addSql(`create table "cart_item" ("id" serial primary key, "tenant_id" int not null, "cart_id" int not null, "variant_id" int not null, "quantity" int not null, "added_at" timestamptz not null);`);
    this.addSql(`alter table "cart_item" add constraint "cart_item_cart_id_variant_id_unique" unique ("cart_id", "variant_id");`);

    this.addSql(`create table "voucher" ("id" serial primary key, "tenant_id" int not null, "code" varchar(40) not null, "name" varchar(200) not null, "description" varchar(1000) null, "discount_type" text not null, "discount_value" bigint not null, "max_discount_amount" bigint null, "min_purchase_amount" bigint not null default '0', "starts_at" timestamptz null, "ends_at" timestamptz null, "usage_limit" int null, "per_customer_limit" int null, "used_count" int not null default 0, "active" boolean not null default true, "is_public" boolean not null default true, "affiliate_account_id" int null, "affiliate_commission_bps" int null, "created_at" timestamptz not null);`);
    this.addSql(`alter table "voucher" add constraint "voucher_tenant_id_code_unique" unique ("tenant_id", "code");`);

    this.addSql(`create table "voucher_redemption" ("id" serial primary key, "tenant_id" int not null, "voucher_id" int not null, "account_id" int not null, "order_id" int not null, "status" text not null default 'active', "created_at" timestamptz not null);`);
    this.addSql(`create index "voucher_redemption_customer_idx" on "voucher_redemption" ("voucher_id", "account_id", "status");`);
    this.addSql(`alter table "voucher_redemption" add constraint "voucher_redemption_voucher_id_order_id_unique" unique ("voucher_id", "order_id");`);

    this.addSql(`create table "wishlist_item" ("id" serial primary key, "tenant_id" int not null, "account_id" int not null, "product_id" int not null, "variant_id" int null, "created_at" timestamptz not null);`);
    this.addSql(`create unique index "wishlist_item_unique" on "wishlist_item" ("account_id", "product_id", coalesce("variant_id", 0));`);

    this.addSql(`alter table "product_category" add "slug" varchar(120) null;`);
    this.addSql(`alter table "product_category" add constraint "product_category_tenant_id_slug_unique" unique ("tenant_id", "slug");`);

    this.addSql(`alter table "product" add "slug" varchar(160) null, add "short_description" varchar(500) null, add "compare_price" bigint null, add "is_featured" boolean not null default false, add "weight_grams" int null, add "dimensions" jsonb null, add "review_count" int not null default 0, add "rating_sum" int not null default 0, add "sold_count" int not null default 0;`);
    this.addSql(`alter table "product" add constraint "product_tenant_id_slug_unique" unique ("tenant_id", "slug");`);

    this.addSql(`alter table "product_variant" add constraint "product_variant_tenant_id_foreign" foreign key ("tenant_id") references "tenant" ("id");`);
    this.addSql(`alter table "product_variant" add constraint "product_variant_product_id_foreign" foreign key ("product_id") references "product" ("id");`);
    this.addSql(`alter table "product_variant" add constraint "product_variant_stock_check" check (stock >= 0);`);

    this.addSql(`alter table "product_image" add constraint "product_image_tenant_id_foreign" foreign key ("tenant_id") references "tenant" ("id");`);
    this.addSql(`alter table "product_image" add constraint "product_image_product_id_foreign" foreign key ("product_id") references "product" ("id");`);

    this.addSql(`alter table "product_review" add constraint "product_review_tenant_id_foreign" foreign key ("tenant_id") references "tenant" ("id");`);
    this.addSql(`alter table "product_review" add constraint "product_review_product_id_foreign" foreign key ("product_id") references "product" ("id");`);
    this.addSql(`alter table "product_review" add constraint "product_review_account_id_foreign" foreign key ("account_id") references "account" ("id");`);
    this.addSql(`alter table "product_review" add constraint "product_review_rating_check" check ((rating >= 1) AND (rating <= 5));`);

    this.addSql(`alter table "cart" add constraint "cart_tenant_id_foreign" foreign key ("tenant_id") references "tenant" ("id");`);
    this.addSql(`alter table "cart" add constraint "cart_account_id_foreign" foreign key ("account_id") references "account" ("id") on delete set null;`);

    this.addSql(`alter table "cart_item" add constraint "cart_item_tenant_id_foreign" foreign key ("tenant_id") references "tenant" ("id");`);
    this.addSql(`alter table "cart_item" add constraint "cart_item_cart_id_foreign" foreign key ("cart_id") references "cart" ("id") on delete cascade;`);
    this.addSql(`alter table "cart_item" add constraint "cart_item_variant_id_foreign" foreign key ("variant_id") references "product_variant" ("id");`);
    this.addSql(`alter table "cart_item" add constraint "cart_item_quantity_check" check (quantity > 0);`);

    this.addSql(`alter table "voucher" add constraint "voucher_tenant_id_foreign" foreign key ("tenant_id") references "tenant" ("id");`);
    this.addSql(`alter table "voucher" add constraint "voucher_affiliate_account_id_foreign" foreign key ("affiliate_account_id") references "account" ("id") on delete set null;`);
    this.addSql(`alter table "voucher" add constraint "voucher_discount_type_check" check ("discount_type" in ('percentage', 'fixed', 'free_shipping'));`);

    this.addSql(`alter table "voucher_redemption" add constraint "voucher_redemption_tenant_id_foreign" foreign key ("tenant_id") references "tenant" ("id");`);
    this.addSql(`alter table "voucher_redemption" add constraint "voucher_redemption_voucher_id_foreign" foreign key ("voucher_id") references "voucher" ("id");`);
    this.addSql(`alter table "voucher_redemption" add constraint "voucher_redemption_account_id_foreign" foreign key ("account_id") references "account" ("id");`);
    this.addSql(`alter table "voucher_redemption" add constraint "voucher_redemption_status_check" check ("status" in ('active', 'void'));`);

    this.addSql(`alter table "wishlist_item" add constraint "wishlist_item_tenant_id_foreign" foreign key ("tenant_id") references "tenant" ("id");`);
    this.addSql(`alter table "wishlist_item" add constraint "wishlist_item_account_id_foreign" foreign key ("account_id") references "account" ("id");`);
    this.addSql(`alter table "wishlist_item" add constraint "wishlist_item_product_id_foreign" foreign key ("product_id") references "product" ("id");`);
    this.addSql(`alter table "wishlist_item" add constraint "wishlist_item_variant_id_foreign" foreign key ("variant_id") references "product_variant" ("id") on delete set null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "cart_item" drop constraint "cart_item_variant_id_foreign";`);
    this.addSql(`alter table "wishlist_item" drop constraint "wishlist_item_variant_id_foreign";`);
    this.addSql(`alter table "cart_item" drop constraint "cart_item_cart_id_foreign";`);
    this.addSql(`alter table "voucher_redemption" drop constraint "voucher_redemption_voucher_id_foreign";`);

    this.addSql(`drop table if exists "product_variant" cascade;`);
    this.addSql(`drop table if exists "product_image" cascade;`);
    this.addSql(`drop table if exists "product_review" cascade;`);
    this.addSql(`drop table if exists "cart" cascade;`);
    this.addSql(`drop table if exists "cart_item" cascade;`);
    this.addSql(`drop table if exists "voucher" cascade;`);
    this.addSql(`drop table if exists "voucher_redemption" cascade;`);
    this.addSql(`drop table if exists "wishlist_item" cascade;`);

    this.addSql(`alter table "product" drop constraint "product_tenant_id_slug_unique";`);
    this.addSql(`alter table "product" drop column "slug", drop column "short_description", drop column "compare_price", drop column "is_featured", drop column "weight_grams", drop column "dimensions", drop column "review_count", drop column "rating_sum", drop column "sold_count";`);

    this.addSql(`alter table "product_category" drop constraint "product_category_tenant_id_slug_unique";`);
    this.addSql(`alter table "product_category" drop column "slug";`);
  }

}
