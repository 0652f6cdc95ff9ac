import { Migration } from '@mikro-orm/migrations';

export class Migration20261122235302_affiliate_program extends Migration {

  override name = 'Migration20261122235302_affiliate_program';

  override up(): void | Promise<void> {
    this.addSql(`create table "affiliate" ("id" serial primary key, "tenant_id" int not null, "account_id" int not null, "status" text not null default 'pending', "code" varchar(16) null, "first_name" varchar(100) not null, "last_name" varchar(100) not null, "whatsapp" varchar(32) not null, "city" varchar(100) not null, "instagram" varchar(200) null, "tiktok" varchar(200) null, "youtube" varchar(200) null, "facebook" varchar(200) null, "primary_platform" text not null, "reason" text not null, "profile_photo" varchar(500) null, "rejection_reason" varchar(500) null, "reviewed_at" timestamptz null, "approved_at" timestamptz null, "commission_rate_bps" int null, "total_clicks" bigint not null default '0', "total_conversions" int not null default 0, "total_commission" bigint not null default '0', "created_at" timestamptz not null);`);
    this.addSql(`create index "affiliate_tenant_status_idx" on "affiliate" ("tenant_id", "status", "created_at");`);
    this.addSql(`alter table "affiliate" add constraint "affiliate_tenant_account_unique" unique ("tenant_id", "account_id");`);
    this.addSql(`alter table "affiliate" add constraint "affiliate_tenant_code_unique" unique ("tenant_id", "code");`);

    this.addSql(`create table "affiliate_referral" ("id" serial primary key, "tenant_id" int not null, "affiliate_id" int not null, "order_id" int not null, "customer_account_id" int not null, "source" text not null, "click_id" varchar(40) null, "status" text not null default 'pending', "order_value" bigint not null, "commission_rate_bps" int not null, "commission" bigint not null, "ordered_at" timestamptz not null, "confirmed_at" timestamptz null, "available_at" timestamptz null, "reversed_at" timestamptz null, "paid_at" timestamptz null, "created_at" timestamptz not null);`);
    this.addSql(`create index "affiliate_referral_affiliate_idx" on "affiliate_referral" ("affiliate_id", "ordered_at");`);
    this.addSql(`create index "affiliate_referral_confirmed_idx" on "affiliate_referral" ("affiliate_id", "confirmed_at");`);
    this.addSql(`create index "affiliate_referral_release_idx" on "affiliate_referral" ("status", "available_at");`);
    this.addSql(`alter table "affiliate_referral" add constraint "affiliate_referral_order_unique" unique ("tenant_id", "order_id");`);

    this.addSql(`alter table "affiliate" add constraint "affiliate_tenant_id_foreign" foreign key ("tenant_id") references "tenant" ("id");`);
    this.addSql(`alter table "affiliate" add constraint "affiliate_account_id_foreign" foreign key ("account_id") references "account" ("id");`);
    this.addSql(`alter table "affiliate" add constraint "affiliate_status_check" check ("status" in ('pending', 'approved', 'rejected'));`);
    this.addSql(`alter table "affiliate" add constraint "affiliate_primary_platform_check" check ("primary_platform" in ('instagram', 'tiktok', 'youtube', 'facebook', 'whatsapp', 'website', 'other'));`);

    this.addSql(`alter table "affiliate_referral" add constraint "affiliate_referral_tenant_id_foreign" foreign key ("tenant_id") references "tenant" ("id");`);
    this.addSql(`alter table "affiliate_referral" add constraint "affiliate_referral_affiliate_id_foreign" foreign key ("affiliate_id") references "affiliate" ("id");`);
    this.addSql(`alter table "affiliate_referral" add constraint "affiliate_referral_order_id_foreign" foreign key ("order_id") references "customer_order" ("id");`);
    this.addSql(`alter table "affiliate_referral" add constraint "affiliate_referral_customer_account_id_foreign" foreign key ("customer_account_id") references "account" ("id");`);
    this.addSql(`alter table "affiliate_referral" add constraint "affiliate_referral_source_check" check ("source" in ('link', 'coupon'));`);
    this.addSql(`alter table "affiliate_referral" add constraint "affiliate_referral_status_check" check ("status" in ('pending', 'confirmed', 'available', 'paid', 'reversed'));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "affiliate_referral" drop constraint "affiliate_referral_affiliate_id_foreign";`);

    this.addSql(`drop table if exists "affiliate" cascade;`);
    this.addSql(`drop table if exists "affiliate_referral" cascade;`);
  }

}
