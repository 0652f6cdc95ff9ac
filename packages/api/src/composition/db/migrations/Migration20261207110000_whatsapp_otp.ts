import { Migration } from '@mikro-orm/migrations';

export class Migration20261207110000_whatsapp_otp extends Migration {

  override name = 'Migration20261207110000_whatsapp_otp';

  override up(): void | Promise<void> {
    this.addSql(`create table "phone_otp" ("id" uuid not null, "tenant_id" int not null, "phone" varchar(32) not null, "purpose" text not null, "account_id" int null, "code_hash" varchar(64) not null, "attempts" int not null default 0, "expires_at" timestamptz not null, "used_at" timestamptz null, "created_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`create index "phone_otp_recent_idx" on "phone_otp" ("tenant_id", "phone", "purpose", "created_at");`);

    this.addSql(`create table "whatsapp_delivery_status" ("id" serial primary key, "tenant_id" int not null, "outbox_message_id" int null, "device" varchar(50) not null, "phone" varchar(32) not null, "message_hash" varchar(64) not null, "provider_message_id" varchar(100) null, "status" varchar(50) not null, "reported_at" timestamptz not null, "received_at" timestamptz not null, "report_key" varchar(64) not null);`);
    this.addSql(`create index "whatsapp_delivery_status_outbox_message_id_index" on "whatsapp_delivery_status" ("outbox_message_id");`);
    this.addSql(`alter table "whatsapp_delivery_status" add constraint "whatsapp_delivery_status_tenant_id_report_key_unique" unique ("tenant_id", "report_key");`);

    this.addSql(`alter table "notification_outbox" add "provider_message_id" varchar(100) null, add "delivery_status" varchar(50) null, add "delivery_status_at" timestamptz null;`);
    this.addSql(`create index "notification_outbox_provider_message_idx" on "notification_outbox" ("tenant_id", "provider_message_id");`);
    this.addSql(`create index "notification_outbox_recipient_idx" on "notification_outbox" ("tenant_id", "channel", "recipient");`);

    this.addSql(`alter table "account" add "phone_verified_at" timestamptz null;`);

    this.addSql(`alter table "phone_otp" add constraint "phone_otp_tenant_id_foreign" foreign key ("tenant_id") references "tenant" ("id");`);
    this.addSql(`alter table "phone_otp" add constraint "phone_otp_account_id_foreign" foreign key ("account_id") references "account" ("id") on delete set null;`);
    this.addSql(`alter table "phone_otp" add constraint "phone_otp_purpose_check" check ("purpose" in ('verification', 'reset_password'));`);

    this.addSql(`alter table "whatsapp_delivery_status" add constraint "whatsapp_delivery_status_tenant_id_foreign" foreign key ("tenant_id") references "tenant" ("id");`);
    this.addSql(`alter table "whatsapp_delivery_status" add constraint "whatsapp_delivery_status_outbox_message_id_foreign" foreign key ("outbox_message_id") references "notification_outbox" ("id") on delete set null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "phone_otp" cascade;`);
    this.addSql(`drop table if exists "whatsapp_delivery_status" cascade;`);

    this.addSql(`alter table "account" drop column "phone_verified_at";`);

    this.addSql(`drop index "notification_outbox_provider_message_idx";`);
    this.addSql(`drop index "notification_outbox_recipient_idx";`);
    this.addSql(`alter table "notification_outbox" drop column "provider_message_id", drop column "delivery_status", drop column "delivery_status_at";`);
  }

}
