import { Migration } from '@mikro-orm/migrations';

export class Migration20261122221645_outbox_password_reset extends Migration {

  override name = 'Migration20261122221645_outbox_password_reset';

  override up(): void | Promise<void> {
    this.addSql(`create table "notification_outbox" ("id" serial primary key, "tenant_id" int not null, "channel" text not null, "recipient" varchar(254) not null, "subject" varchar(300) not null, "body" text not null, "status" text not null default 'pending', "attempts" int not null default 0, "last_error" varchar(500) null, "created_at" timestamptz not null, "sent_at" timestamptz null);`);
    this.addSql(`create index "notification_outbox_pending_idx" on "notification_outbox" ("status", "id");`);

    this.addSql(`create table "password_reset" ("id" serial primary key, "tenant_id" int not null, "account_id" int not null, "token_hash" varchar(64) not null, "expires_at" timestamptz not null, "used_at" timestamptz null, "created_at" timestamptz not null);`);
    this.addSql(`create index "password_reset_account_id_index" on "password_reset" ("account_id");`);
    this.addSql(`alter table "password_reset" add constraint "password_reset_token_hash_unique" unique ("token_hash");`);

    this.addSql(`alter table "notification_outbox" add constraint "notification_outbox_tenant_id_foreign" foreign key ("tenant_id") references "tenant" ("id");`);
    this.addSql(`alter table "notification_outbox" add constraint "notification_outbox_channel_check" check ("channel" in ('email', 'whatsapp'));`);
    this.addSql(`alter table "notification_outbox" add constraint "notification_outbox_status_check" check ("status" in ('pending', 'sent', 'failed'));`);

    this.addSql(`alter table "password_reset" add constraint "password_reset_tenant_id_foreign" foreign key ("tenant_id") references "tenant" ("id");`);
    this.addSql(`alter table "password_reset" add constraint "password_reset_account_id_foreign" foreign key ("account_id") references "account" ("id");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "notification_outbox" cascade;`);
    this.addSql(`drop table if exists "password_reset" cascade;`);
  }

}
