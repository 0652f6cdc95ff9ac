import { Migration } from '@mikro-orm/migrations';

export class Migration20261207084703_koperasi_members_savings extends Migration {

  override name = 'Migration20261207084703_koperasi_members_savings';

  override up(): void | Promise<void> {
    this.addSql(`create table "savings_product" ("id" serial primary key, "tenant_id" int not null, "public_id" uuid not null, "code" text not null, "name" varchar(100) not null, "description" varchar(500) not null, "minimum_amount" bigint not null, "is_withdrawable" boolean not null, "is_mandatory" boolean not null, "interest_rate_bp" int not null default 0, "deposit_schedule" text not null, "created_at" timestamptz not null);`);
    this.addSql(`alter table "savings_product" add constraint "savings_product_public_id_unique" unique ("public_id");`);
    this.addSql(`alter table "savings_product" add constraint "savings_product_tenant_id_code_unique" unique ("tenant_id", "code");`);

    this.addSql(`create table "savings_account" ("id" serial primary key, "tenant_id" int not null, "public_id" uuid not null, "owner_account_id" int not null, "product_id" int not null, "account_number" varchar(20) not null, "virtual_account_number" varchar(20) not null, "status" text not null default 'active', "opened_at" timestamptz not null, "last_interest_calculated_at" timestamptz null, "created_at" timestamptz not null, "updated_at" timestamptz not null);`);
    this.addSql(`alter table "savings_account" add constraint "savings_account_public_id_unique" unique ("public_id");`);
    this.addSql(`create index "savings_account_owner_account_id_index" on "savings_account" ("owner_account_id");`);
    this.addSql(`alter table "savings_account" add constraint "savings_account_tenant_id_account_number_unique" unique ("tenant_id", "account_number");`);
    this.addSql(`alter table "savings_account" add constraint "savings_account_tenant_id_virtual_account_number_unique" unique ("tenant_id", "virtual_account_number");`);
    this.addSql(`alter table "savings_account" add constraint "savings_account_tenant_id_owner_account_id_product_id_unique" unique ("tenant_id", "owner_account_id", "product_id");`);

    this.addSql(`create table "savings_transaction" ("id" serial primary key, "tenant_id" int not null, "public_id" uuid not null, "transaction_number" varchar(20) not null, "savings_account_id" int not null, "owner_account_id" int not null, "type_code" varchar(32) not null, "category" text not null, "amount" bigint not null, "unique_code" int not null default 0, "description" varchar(500) null, "balance_before" bigint not null, "balance_after" bigint not null, "payment_method" varchar(32) null, "payment_reference" varchar(64) null, "payment_id" int null, "status" text not null default 'pending', "bank_account" jsonb null, "gateway_response" jsonb null, "processed_at" timestamptz null, "processed_by" int null, "notes" varchar(1000) null, "created_at" timestamptz not null, "updated_at" timestamptz not null);`);
    this.addSql(`alter table "savings_transaction" add constraint "savings_transaction_public_id_unique" unique ("public_id");`);
    this.addSql(`create index "savings_transaction_owner_idx" on "savings_transaction" ("tenant_id", "owner_account_id", "created_at");`);
    this.addSql(`create index "savings_transaction_account_idx" on "savings_transaction" ("tenant_id", "savings_account_id", "created_at");`);
    this.addSql(`create index "savings_transaction_created_idx" on "savings_transaction" ("tenant_id", "created_at");`);
    this.addSql(`alter table "savings_transaction" add constraint "savings_transaction_tenant_id_transaction_number_unique" unique ("tenant_id", "transaction_number");`);

    this.addSql(`create table "cooperative_member" ("id" serial primary key, "tenant_id" int not null, "public_id" uuid not null, "account_id" int not null, "member_number" varchar(20) not null, "nik_sealed" text not null, "nik_digest" varchar(64) not null, "nik_masked" varchar(16) not null, "date_of_birth" varchar(10) not null, "gender" text not null, "address" varchar(500) not null, "village" varchar(100) null, "district" varchar(100) null, "city" varchar(100) null, "province" varchar(100) null, "postal_code" varchar(10) null, "occupation" varchar(100) null, "bio" varchar(1000) null, "membership_type" varchar(20) not null default 'regular', "membership_status" text not null default 'pending', "kyc_status" text not null default 'pending', "kyc_verified_at" timestamptz null, "status_notes" varchar(1000) null, "profile_picture_file_id" int null, "referral_code" varchar(16) not null, "referred_by_member_id" int null, "join_date" timestamptz not null, "created_at" timestamptz not null, "updated_at" timestamptz not null);`);
    this.addSql(`alter table "cooperative_member" add constraint "cooperative_member_public_id_unique" unique ("public_id");`);
    this.addSql(`create index "cooperative_member_referred_by_member_id_index" on "cooperative_member" ("referred_by_member_id");`);
    this.addSql(`alter table "cooperative_member" add constraint "cooperative_member_tenant_id_account_id_unique" unique ("tenant_id", "account_id");`);
    this.addSql(`alter table "cooperative_member" add constraint "cooperative_member_tenant_id_member_number_unique" unique ("tenant_id", "member_number");`);
    this.addSql(`alter table "cooperative_member" add constraint "cooperative_member_tenant_id_nik_digest_unique" unique ("tenant_id", "nik_digest");`);
    this.addSql(`alter table "cooperative_member" add constraint "cooperative_member_tenant_id_referral_code_unique" unique ("tenant_id", "referral_code");`);

    this.addSql(`alter table "savings_product" add constraint "savings_product_tenant_id_foreign" foreign key ("tenant_id") references "tenant" ("id");`);
    this.addSql(`alter table "savings_product" add constraint "savings_product_code_check" check ("code" in ('SP', 'SW', 'SS'));`);
    this.addSql(`alter table "savings_product" add constraint "savings_product_deposit_schedule_check" check ("deposit_schedule" in ('once', 'monthly', 'any'));`);

    this.addSql(`alter table "savings_account" add constraint "savings_account_tenant_id_foreign" foreign key ("tenant_id") references "tenant" ("id");`);
    this.addSql(`alter table "savings_account" add constraint "savings_account_owner_account_id_foreign" foreign key ("owner_account_id") references "account" ("id");`);
    this.addSql(`alter table "savings_account" add constraint "savings_account_product_id_foreign" foreign key ("product_id") references "savings_product" ("id");`);
    this.addSql(`alter table "savings_account" add constraint "savings_account_status_check" check ("status" in ('active', 'frozen', 'closed'));`);

    this.addSql(`alter table "savings_transaction" add constraint "savings_transaction_tenant_id_foreign" foreign key ("tenant_id") references "tenant" ("id");`);
    this.addSql(`alter table "savings_transaction" add constraint "savings_transaction_savings_account_id_foreign" foreign key ("savings_account_id") references "savings_account" ("id");`);
    this.addSql(`alter table "savings_transaction" add constraint "savings_transaction_owner_account_id_foreign" foreign key ("owner_account_id") references "account" ("id");`);
    this.addSql(`alter table "savings_transaction" add constraint "savings_transaction_category_check" check ("category" in ('deposit', 'withdrawal', 'interest', 'bonus'));`);
    this.addSql(`alter table "savings_transaction" add constraint "savings_transaction_status_check" check ("status" in ('pending', 'processing', 'completed', 'failed', 'cancelled'));`);

    this.addSql(`alter table "cooperative_member" add constraint "cooperative_member_tenant_id_foreign" foreign key ("tenant_id") references "tenant" ("id");`);
    this.addSql(`alter table "cooperative_member" add constraint "cooperative_member_account_id_foreign" foreign key ("account_id") references "account" ("id");`);
    this.addSql(`alter table "cooperative_member" add constraint "cooperative_member_gender_check" check ("gender" in ('male', 'female'));`);
    this.addSql(`alter table "cooperative_member" add constraint "cooperative_member_membership_status_check" check ("membership_status" in ('pending', 'active', 'suspended', 'inactive'));`);
    this.addSql(`alter table "cooperative_member" add constraint "cooperative_member_kyc_status_check" check ("kyc_status" in ('pending', 'verified', 'rejected'));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "savings_account" drop constraint "savings_account_product_id_foreign";`);
    this.addSql(`alter table "savings_transaction" drop constraint "savings_transaction_savings_account_id_foreign";`);

    this.addSql(`drop table if exists "savings_product" cascade;`);
    this.addSql(`drop table if exists "savings_account" cascade;`);
    this.addSql(`drop table if exists "savings_transaction" cascade;`);
    this.addSql(`drop table if exists "cooperative_member" cascade;`);
  }

}
