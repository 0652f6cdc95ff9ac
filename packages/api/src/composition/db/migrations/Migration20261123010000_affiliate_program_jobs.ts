import { Migration } from '@mikro-orm/migrations';

// Written by hand (other entity changes were in flight): the background job runner's tables and who
// reviewed an affiliate application. Statements as `migration:create` prints them for these entities.
export class Migration20261123010000_affiliate_program_jobs extends Migration {

  override name = 'Migration20261123010000_affiliate_program_jobs';

  override up(): void | Promise<void> {
    this.addSql(`create table "job_lease" ("name" varchar(100) not null, "holder" varchar(100) not null, "acquired_at" timestamptz not null, "expires_at" timestamptz not null, primary key ("name"));`);

    this.addSql(`create table "job_run" ("id" serial primary key, "name" varchar(100) not null, "tenant_id" int null, "started_at" timestamptz not null, "finished_at" timestamptz null, "status" text not null, "processed" int not null default 0, "error" varchar(1000) null);`);
    this.addSql(`create index "job_run_name_started_idx" on "job_run" ("name", "started_at");`);

    this.addSql(`alter table "affiliate" add "reviewed_by_account_id" int null;`);
    this.addSql(`alter table "affiliate" add constraint "affiliate_reviewed_by_account_id_foreign" foreign key ("reviewed_by_account_id") references "account" ("id") on delete set null;`);

    this.addSql(`alter table "job_run" add constraint "job_run_tenant_id_foreign" foreign key ("tenant_id") references "tenant" ("id") on delete set null;`);
    this.addSql(`alter table "job_run" add constraint "job_run_status_check" check ("status" in ('running', 'succeeded', 'failed'));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "affiliate" drop constraint "affiliate_reviewed_by_account_id_foreign";`);
    this.addSql(`alter table "affiliate" drop column "reviewed_by_account_id";`);

    this.addSql(`drop table if exists "job_run" cascade;`);
    this.addSql(`drop table if exists "job_lease" cascade;`);
  }

}
