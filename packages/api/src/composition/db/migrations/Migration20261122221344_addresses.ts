import { Migration } from '@mikro-orm/migrations';

export class Migration20261122221344_addresses extends Migration {

  override name = 'Migration20261122221344_addresses';

  override up(): void | Promise<void> {
    this.addSql(`create table "address" ("id" serial primary key, "tenant_id" int not null, "account_id" int not null, "label" varchar(50) not null, "recipient_name" varchar(255) not null, "phone" varchar(32) not null, "address_line1" varchar(500) not null, "address_line2" varchar(500) null, "city" varchar(100) not null, "district" varchar(100) null, "province" varchar(100) not null, "postal_code" varchar(10) not null, "is_default" boolean not null default false, "created_at" timestamptz not null);`);
    this.addSql(`create index "address_account_idx" on "address" ("tenant_id", "account_id");`);
    this.addSql(`create unique index "address_one_default_idx" on "address" ("account_id") where "is_default" = true;`);

    this.addSql(`alter table "account" add "email_verified_at" timestamptz null;`);

    this.addSql(`alter table "address" add constraint "address_tenant_id_foreign" foreign key ("tenant_id") references "tenant" ("id");`);
    this.addSql(`alter table "address" add constraint "address_account_id_foreign" foreign key ("account_id") references "account" ("id");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "address" cascade;`);

    this.addSql(`alter table "account" drop column "email_verified_at";`);
  }

}
