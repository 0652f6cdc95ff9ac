import { Migration } from '@mikro-orm/migrations';

export class Migration20261207091731_cooperative_kyc_referrals extends Migration {

  override name = 'Migration20261207091731_cooperative_kyc_referrals';

  override up(): void | Promise<void> {
    this.addSql(`create table "cooperative_member_tally" ("id" serial primary key, "tenant_id" int not null, "membership_status" text not null, "kyc_status" text not null, "members" int not null default 0);`);
    this.addSql(`alter table "cooperative_member_tally" add constraint "cooperative_member_tally_tenant_id_membership_sta_ac447_unique" unique ("tenant_id", "membership_status", "kyc_status");`);

    this.addSql(`create table "member_referral" ("id" serial primary key, "tenant_id" int not null, "public_id" uuid not null, "referrer_member_id" int not null, "referred_member_id" int not null, "status" text not null default 'pending', "bonus_amount" bigint null, "savings_transaction_id" int null, "paid_at" timestamptz null, "created_at" timestamptz not null);`);
    this.addSql(`alter table "member_referral" add constraint "member_referral_public_id_unique" unique ("public_id");`);
    this.addSql(`create index "member_referral_referrer_idx" on "member_referral" ("tenant_id", "referrer_member_id", "created_at");`);
    this.addSql(`alter table "member_referral" add constraint "member_referral_tenant_id_referred_member_id_unique" unique ("tenant_id", "referred_member_id");`);

    this.addSql(`create table "kyc_document" ("id" serial primary key, "tenant_id" int not null, "public_id" uuid not null, "member_id" int not null, "file_id" int not null, "document_type" text not null, "verification_status" text not null default 'pending', "size_bytes" int not null, "mime_type" varchar(100) not null, "verified_at" timestamptz null, "verified_by" int null, "created_at" timestamptz not null);`);
    this.addSql(`alter table "kyc_document" add constraint "kyc_document_public_id_unique" unique ("public_id");`);
    this.addSql(`create index "kyc_document_member_idx" on "kyc_document" ("tenant_id", "member_id", "created_at");`);

    this.addSql(`create index "account_phone_normalized_idx" on "account" ("tenant_id", (regexp_replace(regexp_replace(phone, '[[:space:]().-]', '', 'g'), '^(\\+62|62|0)', '')));`);
    this.addSql(`create index "account_name_idx" on "account" ("tenant_id", lower("name"));`);

    this.addSql(`alter table "file_object" drop constraint "file_object_purpose_check";`);
    this.addSql(`alter table "file_object" add constraint "file_object_purpose_check" check ("purpose" in ('ktp', 'profile_photo', 'material', 'kyc_document'));`);

    this.addSql(`alter table "cooperative_member" add "search_vector" tsvector null;`);
    this.addSql(`create index "cooperative_member_created_idx" on "cooperative_member" ("tenant_id", "created_at");`);
    this.addSql(`create index "cooperative_member_status_idx" on "cooperative_member" ("tenant_id", "membership_status", "kyc_status");`);
    this.addSql(`create index "cooperative_member_search_idx" on "cooperative_member" using gin ("search_vector");`);
    this.addSql(`create or replace function "cooperative_member_cooperative_member_tally_fn"() returns trigger as \$\$ begin if tg_op = 'UPDATE' and old.membership_status = new.membership_status and old.kyc_status = new.kyc_status then
    return null;   end if;   insert into cooperative_member_tally as t (tenant_id, membership_status, kyc_status, members)
  select d.tenant_id, d.membership_status, d.kyc_status, sum(d.delta)
  from (
    select old.tenant_id, old.membership_status, old.kyc_status, -1 where tg_op <> 'INSERT'
    union all
    select new.tenant_id, new.membership_status, new.kyc_status, 1 where tg_op <> 'DELETE'
  ) d (tenant_id, membership_status, kyc_status, delta)
  group by d.tenant_id, d.membership_status, d.kyc_status
  order by d.membership_status, d.kyc_status
  on conflict (tenant_id, membership_status, kyc_status) do update set members = t.members + excluded.members;   return null; end; \$\$ language plpgsql;`);
    this.addSql(`create trigger "cooperative_member_tally" AFTER INSERT OR UPDATE OR DELETE on "cooperative_member" for each ROW execute function "cooperative_member_cooperative_member_tally_fn"();`);

    // Backfill (data, not schema: written by hand): the members registered before the tally.
    this.addSql(`insert into "cooperative_member_tally" ("tenant_id", "membership_status", "kyc_status", "members")
      select "tenant_id", "membership_status", "kyc_status", count(*) from "cooperative_member"
      group by "tenant_id", "membership_status", "kyc_status";`);

    this.addSql(`alter table "cooperative_member_tally" add constraint "cooperative_member_tally_tenant_id_foreign" foreign key ("tenant_id") references "tenant" ("id");`);
    this.addSql(`alter table "cooperative_member_tally" add constraint "cooperative_member_tally_membership_status_check" check ("membership_status" in ('pending', 'active', 'suspended', 'inactive'));`);
    this.addSql(`alter table "cooperative_member_tally" add constraint "cooperative_member_tally_kyc_status_check" check ("kyc_status" in ('pending', 'verified', 'rejected'));`);

    this.addSql(`alter table "member_referral" add constraint "member_referral_tenant_id_foreign" foreign key ("tenant_id") references "tenant" ("id");`);
    this.addSql(`alter table "member_referral" add constraint "member_referral_referrer_member_id_foreign" foreign key ("referrer_member_id") references "cooperative_member" ("id");`);
    this.addSql(`alter table "member_referral" add constraint "member_referral_referred_member_id_foreign" foreign key ("referred_member_id") references "cooperative_member" ("id");`);
    this.addSql(`alter table "member_referral" add constraint "member_referral_status_check" check ("status" in ('pending', 'paid', 'completed'));`);

    this.addSql(`alter table "kyc_document" add constraint "kyc_document_tenant_id_foreign" foreign key ("tenant_id") references "tenant" ("id");`);
    this.addSql(`alter table "kyc_document" add constraint "kyc_document_member_id_foreign" foreign key ("member_id") references "cooperative_member" ("id");`);
    this.addSql(`alter table "kyc_document" add constraint "kyc_document_file_id_foreign" foreign key ("file_id") references "file_object" ("id");`);
    this.addSql(`alter table "kyc_document" add constraint "kyc_document_document_type_check" check ("document_type" in ('ktp', 'selfie', 'kk', 'npwp', 'bank_statement'));`);
    this.addSql(`alter table "kyc_document" add constraint "kyc_document_verification_status_check" check ("verification_status" in ('pending', 'approved', 'rejected'));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "cooperative_member_tally" cascade;`);
    this.addSql(`drop table if exists "member_referral" cascade;`);
    this.addSql(`drop table if exists "kyc_document" cascade;`);

    this.addSql(`drop index "account_phone_normalized_idx";`);
    this.addSql(`drop index "account_name_idx";`);

    this.addSql(`drop index "cooperative_member_created_idx";`);
    this.addSql(`drop index "cooperative_member_status_idx";`);
    this.addSql(`drop index "cooperative_member_search_idx";`);
    this.addSql(`drop trigger if exists "cooperative_member_tally" on "cooperative_member";`);
    this.addSql(`drop function if exists "cooperative_member_cooperative_member_tally_fn"();`);
    this.addSql(`alter table "cooperative_member" drop column "search_vector";`);

    this.addSql(`alter table "file_object" drop constraint "file_object_purpose_check";`);
    this.addSql(`alter table "file_object" add constraint "file_object_purpose_check" check ("purpose" in ('ktp', 'profile_photo', 'material'));`);
  }

}
