import { Migration } from '@mikro-orm/migrations';

export class Migration20261207130000_koperasi_payment_purposes extends Migration {

  override name = 'Migration20261207130000_koperasi_payment_purposes';

  override up(): void | Promise<void> {
    this.addSql(`alter table "payment" drop constraint "payment_purpose_check";`);
    this.addSql(`alter table "payment" add constraint "payment_purpose_check" check ("purpose" in ('membership', 'order', 'programme', 'savings_deposit'));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "payment" drop constraint "payment_purpose_check";`);
    this.addSql(`alter table "payment" add constraint "payment_purpose_check" check ("purpose" in ('membership', 'order', 'programme'));`);
  }

}
