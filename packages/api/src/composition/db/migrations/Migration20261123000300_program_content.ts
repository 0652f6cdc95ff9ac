import { Migration } from '@mikro-orm/migrations';

export class Migration20261123000300_program_content extends Migration {

  override name = 'Migration20261123000300_program_content';

  override up(): void | Promise<void> {
    this.addSql(`create table "affiliate_program_content" ("id" serial primary key, "tenant_id" int not null, "kind" text not null, "title" varchar(300) not null, "body" text null, "category" varchar(100) null, "image_url" varchar(1000) null, "size" varchar(20) null, "position" int not null default 0, "active" boolean not null default true, "created_at" timestamptz not null);`);
    this.addSql(`create index "affiliate_program_content_list_idx" on "affiliate_program_content" ("tenant_id", "kind", "position");`);

    this.addSql(`alter table "affiliate_program_content" add constraint "affiliate_program_content_tenant_id_foreign" foreign key ("tenant_id") references "tenant" ("id");`);
    this.addSql(`alter table "affiliate_program_content" add constraint "affiliate_program_content_kind_check" check ("kind" in ('banner', 'social_graphic', 'faq'));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "affiliate_program_content" cascade;`);
  }

}
