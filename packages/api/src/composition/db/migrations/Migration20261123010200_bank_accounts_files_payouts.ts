import { Migration } from '@mikro-orm/migrations';

export class Migration20261123010200_bank_accounts_files_payouts extends Migration {

  override name = 'Migration20261123010200_bank_accounts_files_payouts';

  override up(): void | Promise<void> {
    this.addSql(`create table "file_object" ("id" serial primary key, "tenant_id" int not null, "owner_account_id" int not null, "purpose" text not null, "storage_key" varchar(200) not null, "content_type" varchar(100) not null, "size" int not null, "sha256" varchar(64) not null, "key_id" varchar(16) not null, "created_at" timestamptz not null);`);
    this.addSql(`create index "file_object_owner_idx" on "file_object" ("tenant_id", "owner_account_id", "purpose");`);
    this.addSql(`alter table "file_object" add constraint "file_object_storage_key_unique" unique ("storage_key");`);

    this.addSql(`create table "affiliate_bank_account" ("id" serial primary key, "tenant_id" int not null, "affiliate_id" int not null, "account_id" int not null, "bank_name" varchar(100) not null, "account_number_sealed" text not null, "account_number_masked" varchar(40) not null, "account_holder_name" varchar(100) not null, "ktp_file_id" int null, "verification_status" text not null default 'pending', "rejection_reason" varchar(500) null, "submitted_at" timestamptz null, "verified_at" timestamptz null, "reviewed_by_account_id" int null, "reviewed_at" timestamptz null, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null);`);
    this.addSql(`create index "affiliate_bank_account_review_idx" on "affiliate_bank_account" ("tenant_id", "verification_status", "submitted_at");`);
    this.addSql(`alter table "affiliate_bank_account" add constraint "affiliate_bank_account_affiliate_unique" unique ("tenant_id", "affiliate_id");`);

    this.addSql(`create table "affiliate_payout" ("id" serial primary key, "tenant_id" int not null, "affiliate_id" int not null, "account_id" int not null, "amount" bigint not null, "status" text not null default 'pending', "bank_name" varchar(100) not null, "account_number_masked" varchar(40) not null, "account_number_sealed" text not null, "account_holder_name" varchar(100) not null, "requested_at" timestamptz not null, "processed_at" timestamptz null, "transfer_reference" varchar(100) null, "notes" varchar(500) null, "reviewed_by_account_id" int null, "updated_at" timestamptz not null);`);
    this.addSql(`create index "affiliate_payout_account_idx" on "affiliate_payout" ("tenant_id", "account_id", "requested_at");`);
    this.addSql(`create index "affiliate_payout_status_idx" on "affiliate_payout" ("tenant_id", "status", "requested_at");`);

    this.addSql(`alter table "file_object" add constraint "file_object_tenant_id_foreign" foreign key ("tenant_id") references "tenant" ("id");`);
    this.addSql(`alter table "file_object" add constraint "file_object_owner_account_id_foreign" foreign key ("owner_account_id") references "account" ("id");`);
    this.addSql(`alter table "file_object" add constraint "file_object_purpose_check" check ("purpose" in ('ktp', 'profile_photo', 'material'));`);

    this.addSql(`alter table "affiliate_bank_account" add constraint "affiliate_bank_account_tenant_id_foreign" foreign key ("tenant_id") references "tenant" ("id");`);
    this.addSql(`alter table "affiliate_bank_account" add constraint "affiliate_bank_account_affiliate_id_foreign" foreign key ("affiliate_id") references "affiliate" ("id");`);
    this.addSql(`alter table "affiliate_bank_account" add constraint "affiliate_bank_account_account_id_foreign" foreign key ("account_id") references "account" ("id");`);
    this.addSql(`alter table "affiliate_bank_account" add constraint "affiliate_bank_account_ktp_file_id_foreign" foreign key ("ktp_file_id") references "file_object" ("id") on delete set null;`);
    this.addSql(`alter table "affiliate_bank_account" add constraint "affiliate_bank_account_reviewed_by_account_id_foreign" foreign key ("reviewed_by_account_id") references "account" ("id") on delete set null;`);
    this.addSql(`alter table "affiliate_bank_account" add constraint "affiliate_bank_account_verification_status_check" check ("verification_status" in ('pending', 'verified', 'rejected'));`);

    this.addSql(`alter table "affiliate_payout" add constraint "affiliate_payout_tenant_id_foreign" foreign key ("tenant_id") references "tenant" ("id");`);
    this.addSql(`alter table "affiliate_payout" add constraint "affiliate_payout_affiliate_id_foreign" foreign key ("affiliate_id") references "affiliate" ("id");`);
    this.addSql(`alter table "affiliate_payout" add constraint "affiliate_payout_account_id_foreign" foreign key ("account_id") references "account" ("id");`);
    this.addSql(`alter table "affiliate_payout" add constraint "affiliate_payout_reviewed_by_account_id_foreign" foreign key ("reviewed_by_account_id") references "account" ("id") on delete set null;`);
    this.addSql(`alter table "affiliate_payout" add constraint "affiliate_payout_status_check" check ("status" in ('pending', 'processing', 'paid', 'failed'));`);
    this.addSql(`alter table "affiliate_payout" add constraint "affiliate_payout_amount_check" check (amount > 0);`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "affiliate_payout" cascade;`);
    this.addSql(`drop table if exists "affiliate_bank_account" cascade;`);
    this.addSql(`drop table if exists "file_object" cascade;`);
  }

}
