import { Migration } from '@mikro-orm/migrations';

export class Migration20261122214848_network_counts extends Migration {

  override name = 'Migration20261122214848_network_counts';

  override up(): void | Promise<void> {
    this.addSql(`create table "network_level_count" ("ancestor_id" int not null, "depth" smallint not null, "tenant_id" int not null, "members" int not null, "dtehm" int not null, "dip" int not null, primary key ("ancestor_id", "depth"));`);

    this.addSql(`create index "commission_order_idx" on "commission" ("tenant_id", "order_id");`);

    this.addSql(`alter table "network_level_count" add constraint "network_level_count_ancestor_id_foreign" foreign key ("ancestor_id") references "account" ("id");`);
    this.addSql(`alter table "network_level_count" add constraint "network_level_count_tenant_id_foreign" foreign key ("tenant_id") references "tenant" ("id");`);

    // Backfill from the closure table (written by hand: schema diffs do not move data).
    this.addSql(`insert into "network_level_count" ("ancestor_id", "depth", "tenant_id", "members", "dtehm", "dip")
      select "ancestor_id", "depth", "tenant_id", count(*), count(*) filter (where "wants_dtehm"), count(*) filter (where "wants_dip")
      from "network_link" group by "ancestor_id", "depth", "tenant_id";`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "network_level_count" cascade;`);

    this.addSql(`drop index "commission_order_idx";`);
  }

}
