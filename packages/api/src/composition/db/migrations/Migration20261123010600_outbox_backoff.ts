import { Migration } from '@mikro-orm/migrations';

export class Migration20261123010600_outbox_backoff extends Migration {

  override name = 'Migration20261123010600_outbox_backoff';

  override up(): void | Promise<void> {
    this.addSql(`alter table "notification_outbox" add "next_attempt_at" timestamptz null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "notification_outbox" drop column "next_attempt_at";`);
  }

}
