import { Migration } from '@mikro-orm/migrations';

export class Migration20261207120000_programmes extends Migration {

  override name = 'Migration20261207120000_programmes';

  override up(): void | Promise<void> {
    this.addSql(`create table "programme_batch" ("id" serial primary key, "tenant_id" int not null, "public_id" uuid not null, "kind" text not null, "batch_number" varchar(20) not null, "name" varchar(200) not null, "description" varchar(2000) null, "start_date" date not null, "end_date" date not null, "registration_start_date" date not null, "registration_end_date" date not null, "max_participants" int not null, "waitlist_limit" int not null, "program_fee" bigint not null, "early_bird_fee" bigint null, "early_bird_deadline" date null, "venue_name" varchar(200) null, "venue_address" varchar(500) null, "trainer_names" jsonb not null default '[]', "program_details" jsonb not null, "status" text not null default 'draft', "created_by" int null, "created_at" timestamptz not null);`);
    this.addSql(`alter table "programme_batch" add constraint "programme_batch_public_id_unique" unique ("public_id");`);
    this.addSql(`create index "programme_batch_start_idx" on "programme_batch" ("tenant_id", "kind", "start_date");`);
    this.addSql(`alter table "programme_batch" add constraint "programme_batch_tenant_id_batch_number_unique" unique ("tenant_id", "batch_number");`);

    this.addSql(`create table "programme_participant" ("id" serial primary key, "tenant_id" int not null, "public_id" uuid not null, "participant_number" varchar(20) not null, "batch_id" int not null, "account_id" int not null, "registered_at" timestamptz not null, "participation_status" text not null, "payment_status" text not null default 'pending', "amount_due" bigint not null, "amount_paid" bigint not null default '0', "payment_id" int null, "payment_due_at" timestamptz null, "paid_at" timestamptz null, "initial_weight" int not null, "initial_height" int not null, "target_weight" int not null, "personal_goals" varchar(1000) null, "medical_conditions" varchar(1000) null, "emergency_contact_name" varchar(200) not null, "emergency_contact_phone" varchar(32) not null, "created_at" timestamptz not null);`);
    this.addSql(`alter table "programme_participant" add constraint "programme_participant_public_id_unique" unique ("public_id");`);
    this.addSql(`create index "programme_participant_account_idx" on "programme_participant" ("tenant_id", "account_id");`);
    this.addSql(`alter table "programme_participant" add constraint "programme_participant_member_unique" unique ("tenant_id", "batch_id", "account_id");`);
    this.addSql(`alter table "programme_participant" add constraint "programme_participant_tenant_id_participant_number_unique" unique ("tenant_id", "participant_number");`);

    this.addSql(`create table "programme_check_in" ("id" serial primary key, "tenant_id" int not null, "public_id" uuid not null, "participant_id" int not null, "week_number" int not null, "check_in_date" date not null, "weight" int not null, "body_fat" int null, "chest" int null, "waist" int null, "hip" int null, "workouts_completed" int not null, "workouts_planned" int not null, "nutrition_score" int not null, "notes" varchar(1000) null, "photo_front_file_id" int null, "photo_side_file_id" int null, "created_at" timestamptz not null);`);
    this.addSql(`alter table "programme_check_in" add constraint "programme_check_in_public_id_unique" unique ("public_id");`);
    this.addSql(`alter table "programme_check_in" add constraint "programme_check_in_week_unique" unique ("participant_id", "week_number");`);

    this.addSql(`alter table "payment" drop constraint "payment_purpose_check";`);
    this.addSql(`alter table "payment" add constraint "payment_purpose_check" check ("purpose" in ('membership', 'order', 'programme'));`);

    this.addSql(`alter table "file_object" drop constraint "file_object_purpose_check";`);
    this.addSql(`alter table "file_object" add constraint "file_object_purpose_check" check ("purpose" in ('ktp', 'profile_photo', 'material', 'progress_photo'));`);

    this.addSql(`alter table "programme_batch" add constraint "programme_batch_tenant_id_foreign" foreign key ("tenant_id") references "tenant" ("id");`);
    this.addSql(`alter table "programme_batch" add constraint "programme_batch_kind_check" check ("kind" in ('fit_challenge'));`);
    this.addSql(`alter table "programme_batch" add constraint "programme_batch_status_check" check ("status" in ('draft', 'open', 'active', 'completed', 'cancelled'));`);

    this.addSql(`alter table "programme_participant" add constraint "programme_participant_tenant_id_foreign" foreign key ("tenant_id") references "tenant" ("id");`);
    this.addSql(`alter table "programme_participant" add constraint "programme_participant_batch_id_foreign" foreign key ("batch_id") references "programme_batch" ("id");`);
    this.addSql(`alter table "programme_participant" add constraint "programme_participant_account_id_foreign" foreign key ("account_id") references "account" ("id");`);
    this.addSql(`alter table "programme_participant" add constraint "programme_participant_participation_status_check" check ("participation_status" in ('waitlist', 'active', 'completed', 'dropped_out', 'disqualified'));`);
    this.addSql(`alter table "programme_participant" add constraint "programme_participant_payment_status_check" check ("payment_status" in ('pending', 'completed', 'failed'));`);

    this.addSql(`alter table "programme_check_in" add constraint "programme_check_in_tenant_id_foreign" foreign key ("tenant_id") references "tenant" ("id");`);
    this.addSql(`alter table "programme_check_in" add constraint "programme_check_in_participant_id_foreign" foreign key ("participant_id") references "programme_participant" ("id");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "programme_participant" drop constraint "programme_participant_batch_id_foreign";`);
    this.addSql(`alter table "programme_check_in" drop constraint "programme_check_in_participant_id_foreign";`);

    this.addSql(`drop table if exists "programme_batch" cascade;`);
    this.addSql(`drop table if exists "programme_participant" cascade;`);
    this.addSql(`drop table if exists "programme_check_in" cascade;`);

    this.addSql(`alter table "file_object" drop constraint "file_object_purpose_check";`);
    this.addSql(`alter table "file_object" add constraint "file_object_purpose_check" check ("purpose" in ('ktp', 'profile_photo', 'material'));`);

    this.addSql(`alter table "payment" drop constraint "payment_purpose_check";`);
    this.addSql(`alter table "payment" add constraint "payment_purpose_check" check ("purpose" in ('membership', 'order'));`);
  }

}
