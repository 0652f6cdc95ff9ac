import { Migration } from '@mikro-orm/migrations';

export class Migration20261207170000_audit_log extends Migration {

  override name = 'Migration20261207170000_audit_log';

  override up(): void | Promise<void> {
    this.addSql(`create table "audit_entry" ("id" serial primary key, "tenant_id" int not null, "occurred_at" timestamptz not null, "action" varchar(200) not null, "actor_role" text not null, "actor_id" int null, "actor_email" varchar(254) null, "actor_name" varchar(255) null, "subject_type" varchar(100) null, "subject_id" varchar(200) null, "input" jsonb null, "before" jsonb null, "after" jsonb null, "request_id" varchar(200) not null, "ip" varchar(100) not null);`);
    this.addSql(`create index "audit_entry_tenant_time_idx" on "audit_entry" ("tenant_id", "occurred_at", "id");`);
    this.addSql(`create index "audit_entry_subject_idx" on "audit_entry" ("tenant_id", "subject_type", "subject_id", "occurred_at");`);

    this.addSql(`alter table "audit_entry" add constraint "audit_entry_tenant_id_foreign" foreign key ("tenant_id") references "tenant" ("id");`);
    this.addSql(`alter table "audit_entry" add constraint "audit_entry_actor_role_check" check ("actor_role" in ('admin', 'platform-admin', 'platform-cli'));`);
    this.addSql(`create or replace function "audit_entry_audit_entry_append_only_fn"() returns trigger as \$\$ begin raise exception 'audit entries are never changed or removed'; return null; end; \$\$ language plpgsql;`);
    this.addSql(`create trigger "audit_entry_append_only" BEFORE UPDATE OR DELETE on "audit_entry" for each STATEMENT execute function "audit_entry_audit_entry_append_only_fn"();`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop trigger if exists "audit_entry_append_only" on "audit_entry";`);
    this.addSql(`drop function if exists "audit_entry_audit_entry_append_only_fn"();`);
    this.addSql(`drop table if exists "audit_entry" cascade;`);
  }

}
