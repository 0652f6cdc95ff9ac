import { Migration } from '@mikro-orm/migrations';

export class Migration20261207000000_platform_admin extends Migration {

  override name = 'Migration20261207000000_platform_admin';

  override up(): void | Promise<void> {
    this.addSql(`create table "platform_admin" ("id" serial primary key, "email" varchar(254) not null, "password_hash" varchar(255) not null, "created_at" timestamptz not null);`);
    this.addSql(`alter table "platform_admin" add constraint "platform_admin_email_unique" unique ("email");`);

    this.addSql(`create table "platform_session" ("id" uuid not null, "admin_id" int not null, "expires_at" timestamptz not null, "revoked_at" timestamptz null, "created_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`create index "platform_session_admin_id_index" on "platform_session" ("admin_id");`);
    this.addSql(`alter table "platform_session" add constraint "platform_session_admin_id_foreign" foreign key ("admin_id") references "platform_admin" ("id");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "platform_session" cascade;`);
    this.addSql(`drop table if exists "platform_admin" cascade;`);
  }

}
