import { Migration } from '@mikro-orm/migrations';

export class Migration20261207160000_network_member_suspension extends Migration {

  override name = 'Migration20261207160000_network_member_suspension';

  override up(): void | Promise<void> {
    this.addSql(`alter table "network_member" add "suspended_at" timestamptz null, add "suspension_reason" varchar(500) null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "network_member" drop column "suspended_at", drop column "suspension_reason";`);
  }

}
