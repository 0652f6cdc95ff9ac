import { Migration } from '@mikro-orm/migrations';

export class Migration20261123010100_referral_clicks extends Migration {

  override name = 'Migration20261123010100_referral_clicks';

  override up(): void | Promise<void> {
    this.addSql(`create table "referral_click" ("id" uuid not null, "tenant_id" int not null, "affiliate_id" int not null, "clicked_at" timestamptz not null, "ip_hash" varchar(64) null, "user_agent" varchar(300) null, "referer" varchar(500) null, "utm" jsonb null, primary key ("id"));`);
    this.addSql(`create index "referral_click_affiliate_idx" on "referral_click" ("affiliate_id", "clicked_at");`);

    this.addSql(`create table "affiliate_click_daily" ("tenant_id" int not null, "affiliate_id" int not null, "day" date not null, "clicks" int not null default 0, primary key ("tenant_id", "affiliate_id", "day"));`);

    // Conversions per day for the statistics: an index-only range scan per affiliate and period.
    this.addSql(`create index "affiliate_referral_confirmed_live_idx" on "affiliate_referral" ("tenant_id", "affiliate_id", "confirmed_at") include ("commission") where status <> 'reversed' and confirmed_at is not null;`);

    this.addSql(`alter table "referral_click" add constraint "referral_click_tenant_id_foreign" foreign key ("tenant_id") references "tenant" ("id");`);
    this.addSql(`alter table "referral_click" add constraint "referral_click_affiliate_id_foreign" foreign key ("affiliate_id") references "affiliate" ("id");`);

    this.addSql(`alter table "affiliate_click_daily" add constraint "affiliate_click_daily_tenant_id_foreign" foreign key ("tenant_id") references "tenant" ("id");`);
    this.addSql(`alter table "affiliate_click_daily" add constraint "affiliate_click_daily_affiliate_id_foreign" foreign key ("affiliate_id") references "affiliate" ("id");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "referral_click" cascade;`);
    this.addSql(`drop table if exists "affiliate_click_daily" cascade;`);

    this.addSql(`drop index "affiliate_referral_confirmed_live_idx";`);
  }

}
