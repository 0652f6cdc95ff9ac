import { Migration } from '@mikro-orm/migrations';

export class Migration20261122224538_checkout_orders extends Migration {

  override name = 'Migration20261122224538_checkout_orders';

  override up(): void | Promise<void> {
    this.addSql(`create table "webhook_event" ("id" serial primary key, "tenant_id" int not null, "provider" varchar(32) not null, "event_id" varchar(128) not null, "payload" jsonb not null, "received_at" timestamptz not null, "processed_at" timestamptz null);`);
    this.addSql(`alter table "webhook_event" add constraint "webhook_event_provider_event_id_unique" unique ("provider", "event_id");`);

    this.addSql(`alter table "customer_order" add "refund_due" bigint not null default '0';`);

    this.addSql(`alter table "webhook_event" add constraint "webhook_event_tenant_id_foreign" foreign key ("tenant_id") references "tenant" ("id");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "webhook_event" cascade;`);

    this.addSql(`alter table "customer_order" drop column "refund_due";`);
  }

}
