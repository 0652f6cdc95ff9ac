import { Migration } from '@mikro-orm/migrations';

export class Migration20261123000100_order_timeline extends Migration {

  override name = 'Migration20261123000100_order_timeline';

  override up(): void | Promise<void> {
    this.addSql(`create table "order_status_event" ("id" serial primary key, "tenant_id" int not null, "order_id" int not null, "status" varchar(40) not null, "note" varchar(500) null, "actor_account_id" int null, "created_at" timestamptz not null);`);
    this.addSql(`create index "order_status_event_order_idx" on "order_status_event" ("order_id", "created_at");`);

    this.addSql(`alter table "customer_order" add "refunded_at" timestamptz null;`);

    this.addSql(`alter table "order_status_event" add constraint "order_status_event_tenant_id_foreign" foreign key ("tenant_id") references "tenant" ("id");`);
    this.addSql(`alter table "order_status_event" add constraint "order_status_event_order_id_foreign" foreign key ("order_id") references "customer_order" ("id");`);
    this.addSql(`alter table "order_status_event" add constraint "order_status_event_actor_account_id_foreign" foreign key ("actor_account_id") references "account" ("id") on delete set null;`);

    // Backfill (data, not schema: written by hand). One event per existing shop order (those with an
    // order number) for the status it is in now, dated when it got there as far as the row knows:
    // created_at while unpaid, cancelled_at when cancelled, paid_at for every later status.
    this.addSql(`insert into "order_status_event" ("tenant_id", "order_id", "status", "note", "actor_account_id", "created_at")
      select o."tenant_id", o."id", o."status",
        case when o."status" = 'cancelled' then o."cancel_reason" end,
        null,
        case
          when o."status" = 'pending_payment' then o."created_at"
          when o."status" = 'cancelled' then coalesce(o."cancelled_at", o."paid_at", o."created_at")
          else coalesce(o."paid_at", o."created_at")
        end
      from "customer_order" o
      where o."order_number" is not null
      order by o."id";`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "order_status_event" cascade;`);

    this.addSql(`alter table "customer_order" drop column "refunded_at";`);
  }

}
