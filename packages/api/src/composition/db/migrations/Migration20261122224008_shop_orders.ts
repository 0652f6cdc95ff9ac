import { Migration } from '@mikro-orm/migrations';

export class Migration20261122224008_shop_orders extends Migration {

  override name = 'Migration20261122224008_shop_orders';

  override up(): void | Promise<void> {
    this.addSql(`alter table "customer_order" drop constraint "customer_order_status_check";`);
    this.addSql(`alter table "customer_order" add "order_number" varchar(40) null, add "subtotal" bigint null, add "discount" bigint not null default '0', add "shipping_cost" bigint not null default '0', add "shipping_discount" bigint not null default '0', add "voucher_code" varchar(40) null, add "payment_channel" varchar(40) null, add "shipping_recipient" varchar(255) null, add "shipping_phone" varchar(32) null, add "shipping_province" varchar(100) null, add "shipping_courier" varchar(20) null, add "shipping_service" varchar(20) null, add "tracking_number" varchar(60) null, add "customer_note" varchar(500) null, add "cancel_reason" varchar(500) null, add "cancelled_at" timestamptz null, add "affiliate_account_id" int null;`);
    this.addSql(`alter table "customer_order" add constraint "customer_order_affiliate_account_id_foreign" foreign key ("affiliate_account_id") references "account" ("id") on delete set null;`);
    this.addSql(`create index "customer_order_affiliate_idx" on "customer_order" ("tenant_id", "affiliate_account_id", "paid_at");`);
    this.addSql(`alter table "customer_order" add constraint "customer_order_tenant_id_order_number_unique" unique ("tenant_id", "order_number");`);
    this.addSql(`alter table "customer_order" add constraint "customer_order_status_check" check ("status" in ('pending_payment', 'paid', 'payment_failed', 'processing', 'shipped', 'delivered', 'cancelled', 'refunded'));`);

    this.addSql(`alter table "order_item" add "variant_id" int null, add "variant_name" varchar(200) null, add "sku" varchar(64) null;`);
    this.addSql(`alter table "order_item" add constraint "order_item_variant_id_foreign" foreign key ("variant_id") references "product_variant" ("id") on delete set null;`);

    this.addSql(`alter table "commission" drop constraint "commission_kind_check";`);
    this.addSql(`alter table "commission" add "reversed_at" timestamptz null;`);
    this.addSql(`alter table "commission" add constraint "commission_kind_check" check ("kind" in ('stockist', 'network', 'membership', 'affiliate'));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "customer_order" drop constraint "customer_order_affiliate_account_id_foreign";`);

    this.addSql(`alter table "order_item" drop constraint "order_item_variant_id_foreign";`);

    this.addSql(`alter table "commission" drop constraint "commission_kind_check";`);
    this.addSql(`alter table "commission" drop column "reversed_at";`);
    this.addSql(`alter table "commission" add constraint "commission_kind_check" check ("kind" in ('stockist', 'network', 'membership'));`);

    this.addSql(`drop index "customer_order_affiliate_idx";`);
    this.addSql(`alter table "customer_order" drop constraint "customer_order_tenant_id_order_number_unique";`);
    this.addSql(`alter table "customer_order" drop constraint "customer_order_status_check";`);
    this.addSql(`alter table "customer_order" drop column "order_number", drop column "subtotal", drop column "discount", drop column "shipping_cost", drop column "shipping_discount", drop column "voucher_code", drop column "payment_channel", drop column "shipping_recipient", drop column "shipping_phone", drop column "shipping_province", drop column "shipping_courier", drop column "shipping_service", drop column "tracking_number", drop column "customer_note", drop column "cancel_reason", drop column "cancelled_at", drop column "affiliate_account_id";`);
    this.addSql(`alter table "customer_order" add constraint "customer_order_status_check" check ("status" in ('pending_payment', 'paid', 'payment_failed'));`);

    this.addSql(`alter table "order_item" drop column "variant_id", drop column "variant_name", drop column "sku";`);
  }

}
