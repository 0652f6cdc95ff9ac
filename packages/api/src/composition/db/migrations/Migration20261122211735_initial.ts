import { Migration } from '@mikro-orm/migrations';

export class Migration20261122211735_initial extends Migration {

  override name = 'Migration20261122211735_initial';

  override up(): void | Promise<void> {
    this.addSql(`create table "sandbox_charge" ("reference" varchar(64) not null, "tenant_id" int not null, "merchant_reference" varchar(64) not null, "amount" bigint not null, "currency" varchar(3) not null, "description" varchar(255) not null, "status" text not null default 'pending', "created_at" timestamptz not null, "settled_at" timestamptz null, primary key ("reference"));`);

    this.addSql(`create table "tenant" ("id" serial primary key, "slug" varchar(63) not null, "name" varchar(255) not null, "profile" varchar(63) not null, "currency" varchar(3) not null, "time_zone" varchar(63) not null, "hosts" jsonb not null default '[]', "settings" jsonb not null default '{}', "created_at" timestamptz not null);`);
    this.addSql(`alter table "tenant" add constraint "tenant_slug_unique" unique ("slug");`);

    this.addSql(`create table "sequence_counter" ("tenant_id" int not null, "name" varchar(100) not null, "value" int not null, primary key ("tenant_id", "name"));`);

    this.addSql(`create table "login_throttle" ("tenant_id" int not null, "key" varchar(300) not null, "failures" int not null default 0, "window_started_at" timestamptz not null, "locked_until" timestamptz null, primary key ("tenant_id", "key"));`);

    this.addSql(`create table "ledger_entry" ("id" serial primary key, "tenant_id" int not null, "idempotency_key" varchar(200) not null, "description" varchar(500) not null, "created_at" timestamptz not null);`);
    this.addSql(`alter table "ledger_entry" add constraint "ledger_entry_tenant_id_idempotency_key_unique" unique ("tenant_id", "idempotency_key");`);

    this.addSql(`create table "ledger_account" ("id" serial primary key, "tenant_id" int not null, "code" varchar(200) not null, "kind" text not null, "currency" varchar(3) not null, "owner_account_id" int null, "created_at" timestamptz not null);`);
    this.addSql(`alter table "ledger_account" add constraint "ledger_account_tenant_id_code_unique" unique ("tenant_id", "code");`);

    this.addSql(`create table "ledger_posting" ("id" serial primary key, "tenant_id" int not null, "entry_id" int not null, "ledger_account_id" int not null, "amount" bigint not null);`);
    this.addSql(`create index "ledger_posting_entry_id_index" on "ledger_posting" ("entry_id");`);
    this.addSql(`create index "ledger_posting_ledger_account_id_index" on "ledger_posting" ("ledger_account_id");`);

    this.addSql(`create table "product_category" ("id" serial primary key, "tenant_id" int not null, "name" varchar(255) not null, "description" text null, "created_at" timestamptz not null);`);
    this.addSql(`alter table "product_category" add constraint "product_category_tenant_id_name_unique" unique ("tenant_id", "name");`);

    this.addSql(`create table "product" ("id" serial primary key, "tenant_id" int not null, "category_id" int null, "name" varchar(255) not null, "description" text null, "specifications" text null, "price" bigint not null, "feature_photo" varchar(1000) null, "images" jsonb not null default '[]', "stock_quantity" int not null default 0, "created_at" timestamptz not null);`);
    this.addSql(`create index "product_tenant_category_idx" on "product" ("tenant_id", "category_id", "created_at");`);
    this.addSql(`create index "product_tenant_created_idx" on "product" ("tenant_id", "created_at");`);
    this.addSql(`create index "product_search_idx" on "product" using gin (to_tsvector('simple', name || ' ' || coalesce(description, '')));`);

    this.addSql(`create table "account" ("id" serial primary key, "tenant_id" int not null, "email" varchar(254) not null, "name" varchar(255) not null, "phone" varchar(32) null, "password_hash" varchar(255) not null, "roles" text[] not null default '{member}', "created_at" timestamptz not null);`);
    this.addSql(`alter table "account" add constraint "account_tenant_id_email_unique" unique ("tenant_id", "email");`);

    this.addSql(`create table "session" ("id" uuid not null, "tenant_id" int not null, "account_id" int not null, "family_id" uuid not null, "token_hash" varchar(64) not null, "expires_at" timestamptz not null, "rotated_at" timestamptz null, "revoked_at" timestamptz null, "created_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`create index "session_account_id_index" on "session" ("account_id");`);
    this.addSql(`create index "session_family_id_index" on "session" ("family_id");`);
    this.addSql(`alter table "session" add constraint "session_token_hash_unique" unique ("token_hash");`);

    this.addSql(`create table "payment" ("id" serial primary key, "tenant_id" int not null, "account_id" int not null, "purpose" text not null, "subject_id" int null, "amount" bigint not null, "currency" varchar(3) not null, "provider" varchar(32) not null, "requested_method" varchar(32) not null, "status" text not null default 'pending', "merchant_reference" varchar(64) not null, "provider_reference" varchar(128) not null, "payment_url" varchar(2000) not null, "callback_url" varchar(2000) null, "details" jsonb not null default '{}', "created_at" timestamptz not null, "paid_at" timestamptz null, "failed_at" timestamptz null);`);
    this.addSql(`create index "payment_account_id_index" on "payment" ("account_id");`);
    this.addSql(`alter table "payment" add constraint "payment_merchant_reference_unique" unique ("merchant_reference");`);
    this.addSql(`alter table "payment" add constraint "payment_provider_provider_reference_unique" unique ("provider", "provider_reference");`);

    this.addSql(`create table "customer_order" ("id" serial primary key, "tenant_id" int not null, "account_id" int not null, "status" text not null default 'pending_payment', "total_amount" bigint not null, "currency" varchar(3) not null, "payment_method" varchar(32) not null, "payment_id" int null, "customer_name" varchar(255) not null, "customer_phone" varchar(32) null, "customer_address" varchar(500) null, "created_at" timestamptz not null, "paid_at" timestamptz null);`);
    this.addSql(`create index "customer_order_account_idx" on "customer_order" ("tenant_id", "account_id", "created_at");`);

    this.addSql(`create table "order_item" ("id" serial primary key, "tenant_id" int not null, "order_id" int not null, "product_id" int not null, "product_name" varchar(255) not null, "product_image" varchar(1000) null, "unit_price" bigint not null, "quantity" int not null, "amount" bigint not null, "sponsor_id" int null, "stockist_id" int null);`);
    this.addSql(`create index "order_item_order_id_index" on "order_item" ("order_id");`);

    this.addSql(`create table "network_link" ("ancestor_id" int not null, "descendant_id" int not null, "tenant_id" int not null, "depth" smallint not null, "wants_dtehm" boolean not null, "wants_dip" boolean not null, primary key ("ancestor_id", "descendant_id"));`);
    this.addSql(`create index "network_link_ancestor_depth_idx" on "network_link" ("ancestor_id", "depth", "descendant_id") include ("tenant_id", "wants_dtehm", "wants_dip");`);
    this.addSql(`create index "network_link_descendant_depth_idx" on "network_link" ("descendant_id", "depth");`);

    this.addSql(`create table "network_member" ("account_id" int not null, "tenant_id" int not null, "sponsor_id" int null, "wants_dtehm" boolean not null, "wants_dip" boolean not null, "dtehm_member_id" varchar(32) null, "dip_member_id" varchar(32) null, "status" text not null default 'pending', "address" varchar(500) null, "from_mobile" boolean not null default false, "joined_at" timestamptz not null, "activated_at" timestamptz null, primary key ("account_id"));`);
    this.addSql(`create index "network_member_sponsor_id_index" on "network_member" ("sponsor_id");`);
    this.addSql(`alter table "network_member" add constraint "network_member_tenant_id_dtehm_member_id_unique" unique ("tenant_id", "dtehm_member_id");`);
    this.addSql(`alter table "network_member" add constraint "network_member_tenant_id_dip_member_id_unique" unique ("tenant_id", "dip_member_id");`);

    this.addSql(`create table "commission" ("id" serial primary key, "tenant_id" int not null, "beneficiary_id" int not null, "kind" text not null, "level" varchar(32) not null, "rate_bps" int not null, "amount" bigint not null, "description" varchar(300) not null, "order_id" int null, "reference_type" text not null, "reference_id" int not null, "ledger_entry_id" int not null, "created_at" timestamptz not null);`);
    this.addSql(`create index "commission_beneficiary_idx" on "commission" ("tenant_id", "beneficiary_id", "created_at");`);
    this.addSql(`alter table "commission" add constraint "commission_tenant_id_reference_type_reference_id_level_unique" unique ("tenant_id", "reference_type", "reference_id", "level");`);

    this.addSql(`alter table "sandbox_charge" add constraint "sandbox_charge_status_check" check ("status" in ('pending', 'completed', 'failed'));`);

    this.addSql(`alter table "sequence_counter" add constraint "sequence_counter_tenant_id_foreign" foreign key ("tenant_id") references "tenant" ("id");`);

    this.addSql(`alter table "login_throttle" add constraint "login_throttle_tenant_id_foreign" foreign key ("tenant_id") references "tenant" ("id");`);

    this.addSql(`alter table "ledger_entry" add constraint "ledger_entry_tenant_id_foreign" foreign key ("tenant_id") references "tenant" ("id");`);

    this.addSql(`alter table "ledger_account" add constraint "ledger_account_tenant_id_foreign" foreign key ("tenant_id") references "tenant" ("id");`);
    this.addSql(`alter table "ledger_account" add constraint "ledger_account_kind_check" check ("kind" in ('asset', 'liability', 'expense', 'revenue', 'equity'));`);

    this.addSql(`alter table "ledger_posting" add constraint "ledger_posting_tenant_id_foreign" foreign key ("tenant_id") references "tenant" ("id");`);
    this.addSql(`alter table "ledger_posting" add constraint "ledger_posting_entry_id_foreign" foreign key ("entry_id") references "ledger_entry" ("id");`);
    this.addSql(`alter table "ledger_posting" add constraint "ledger_posting_ledger_account_id_foreign" foreign key ("ledger_account_id") references "ledger_account" ("id");`);

    this.addSql(`alter table "product_category" add constraint "product_category_tenant_id_foreign" foreign key ("tenant_id") references "tenant" ("id");`);

    this.addSql(`alter table "product" add constraint "product_tenant_id_foreign" foreign key ("tenant_id") references "tenant" ("id");`);
    this.addSql(`alter table "product" add constraint "product_category_id_foreign" foreign key ("category_id") references "product_category" ("id") on delete set null;`);

    this.addSql(`alter table "account" add constraint "account_tenant_id_foreign" foreign key ("tenant_id") references "tenant" ("id");`);

    this.addSql(`alter table "session" add constraint "session_tenant_id_foreign" foreign key ("tenant_id") references "tenant" ("id");`);
    this.addSql(`alter table "session" add constraint "session_account_id_foreign" foreign key ("account_id") references "account" ("id");`);

    this.addSql(`alter table "payment" add constraint "payment_tenant_id_foreign" foreign key ("tenant_id") references "tenant" ("id");`);
    this.addSql(`alter table "payment" add constraint "payment_account_id_foreign" foreign key ("account_id") references "account" ("id");`);
    this.addSql(`alter table "payment" add constraint "payment_purpose_check" check ("purpose" in ('membership', 'order'));`);
    this.addSql(`alter table "payment" add constraint "payment_status_check" check ("status" in ('pending', 'completed', 'failed'));`);

    this.addSql(`alter table "customer_order" add constraint "customer_order_tenant_id_foreign" foreign key ("tenant_id") references "tenant" ("id");`);
    this.addSql(`alter table "customer_order" add constraint "customer_order_account_id_foreign" foreign key ("account_id") references "account" ("id");`);
    this.addSql(`alter table "customer_order" add constraint "customer_order_status_check" check ("status" in ('pending_payment', 'paid', 'payment_failed'));`);

    this.addSql(`alter table "order_item" add constraint "order_item_tenant_id_foreign" foreign key ("tenant_id") references "tenant" ("id");`);
    this.addSql(`alter table "order_item" add constraint "order_item_order_id_foreign" foreign key ("order_id") references "customer_order" ("id");`);
    this.addSql(`alter table "order_item" add constraint "order_item_product_id_foreign" foreign key ("product_id") references "product" ("id");`);
    this.addSql(`alter table "order_item" add constraint "order_item_sponsor_id_foreign" foreign key ("sponsor_id") references "account" ("id") on delete set null;`);
    this.addSql(`alter table "order_item" add constraint "order_item_stockist_id_foreign" foreign key ("stockist_id") references "account" ("id") on delete set null;`);

    this.addSql(`alter table "network_link" add constraint "network_link_ancestor_id_foreign" foreign key ("ancestor_id") references "account" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "network_link" add constraint "network_link_descendant_id_foreign" foreign key ("descendant_id") references "account" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "network_link" add constraint "network_link_tenant_id_foreign" foreign key ("tenant_id") references "tenant" ("id");`);

    this.addSql(`alter table "network_member" add constraint "network_member_account_id_foreign" foreign key ("account_id") references "account" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "network_member" add constraint "network_member_tenant_id_foreign" foreign key ("tenant_id") references "tenant" ("id");`);
    this.addSql(`alter table "network_member" add constraint "network_member_sponsor_id_foreign" foreign key ("sponsor_id") references "account" ("id") on delete set null;`);
    this.addSql(`alter table "network_member" add constraint "network_member_status_check" check ("status" in ('pending', 'active'));`);

    this.addSql(`alter table "commission" add constraint "commission_tenant_id_foreign" foreign key ("tenant_id") references "tenant" ("id");`);
    this.addSql(`alter table "commission" add constraint "commission_beneficiary_id_foreign" foreign key ("beneficiary_id") references "account" ("id");`);
    this.addSql(`alter table "commission" add constraint "commission_ledger_entry_id_foreign" foreign key ("ledger_entry_id") references "ledger_entry" ("id");`);
    this.addSql(`alter table "commission" add constraint "commission_kind_check" check ("kind" in ('stockist', 'network', 'membership'));`);
    this.addSql(`alter table "commission" add constraint "commission_reference_type_check" check ("reference_type" in ('order', 'membership'));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "sequence_counter" drop constraint "sequence_counter_tenant_id_foreign";`);
    this.addSql(`alter table "login_throttle" drop constraint "login_throttle_tenant_id_foreign";`);
    this.addSql(`alter table "ledger_entry" drop constraint "ledger_entry_tenant_id_foreign";`);
    this.addSql(`alter table "ledger_account" drop constraint "ledger_account_tenant_id_foreign";`);
    this.addSql(`alter table "ledger_posting" drop constraint "ledger_posting_tenant_id_foreign";`);
    this.addSql(`alter table "product_category" drop constraint "product_category_tenant_id_foreign";`);
    this.addSql(`alter table "product" drop constraint "product_tenant_id_foreign";`);
    this.addSql(`alter table "account" drop constraint "account_tenant_id_foreign";`);
    this.addSql(`alter table "session" drop constraint "session_tenant_id_foreign";`);
    this.addSql(`alter table "payment" drop constraint "payment_tenant_id_foreign";`);
    this.addSql(`alter table "customer_order" drop constraint "customer_order_tenant_id_foreign";`);
    this.addSql(`alter table "order_item" drop constraint "order_item_tenant_id_foreign";`);
    this.addSql(`alter table "network_link" drop constraint "network_link_tenant_id_foreign";`);
    this.addSql(`alter table "network_member" drop constraint "network_member_tenant_id_foreign";`);
    this.addSql(`alter table "commission" drop constraint "commission_tenant_id_foreign";`);
    this.addSql(`alter table "ledger_posting" drop constraint "ledger_posting_entry_id_foreign";`);
    this.addSql(`alter table "commission" drop constraint "commission_ledger_entry_id_foreign";`);
    this.addSql(`alter table "ledger_posting" drop constraint "ledger_posting_ledger_account_id_foreign";`);
    this.addSql(`alter table "product" drop constraint "product_category_id_foreign";`);
    this.addSql(`alter table "order_item" drop constraint "order_item_product_id_foreign";`);
    this.addSql(`alter table "session" drop constraint "session_account_id_foreign";`);
    this.addSql(`alter table "payment" drop constraint "payment_account_id_foreign";`);
    this.addSql(`alter table "customer_order" drop constraint "customer_order_account_id_foreign";`);
    this.addSql(`alter table "order_item" drop constraint "order_item_sponsor_id_foreign";`);
    this.addSql(`alter table "order_item" drop constraint "order_item_stockist_id_foreign";`);
    this.addSql(`alter table "network_link" drop constraint "network_link_ancestor_id_foreign";`);
    this.addSql(`alter table "network_link" drop constraint "network_link_descendant_id_foreign";`);
    this.addSql(`alter table "network_member" drop constraint "network_member_account_id_foreign";`);
    this.addSql(`alter table "network_member" drop constraint "network_member_sponsor_id_foreign";`);
    this.addSql(`alter table "commission" drop constraint "commission_beneficiary_id_foreign";`);
    this.addSql(`alter table "order_item" drop constraint "order_item_order_id_foreign";`);

    this.addSql(`drop table if exists "sandbox_charge" cascade;`);
    this.addSql(`drop table if exists "tenant" cascade;`);
    this.addSql(`drop table if exists "sequence_counter" cascade;`);
    this.addSql(`drop table if exists "login_throttle" cascade;`);
    this.addSql(`drop table if exists "ledger_entry" cascade;`);
    this.addSql(`drop table if exists "ledger_account" cascade;`);
    this.addSql(`drop table if exists "ledger_posting" cascade;`);
    this.addSql(`drop table if exists "product_category" cascade;`);
    this.addSql(`drop table if exists "product" cascade;`);
    this.addSql(`drop table if exists "account" cascade;`);
    this.addSql(`drop table if exists "session" cascade;`);
    this.addSql(`drop table if exists "payment" cascade;`);
    this.addSql(`drop table if exists "customer_order" cascade;`);
    this.addSql(`drop table if exists "order_item" cascade;`);
    this.addSql(`drop table if exists "network_link" cascade;`);
    this.addSql(`drop table if exists "network_member" cascade;`);
    this.addSql(`drop table if exists "commission" cascade;`);
  }

}
