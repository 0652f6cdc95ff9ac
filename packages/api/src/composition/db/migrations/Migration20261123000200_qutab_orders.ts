import { Migration } from '@mikro-orm/migrations';

export class Migration20261123000200_qutab_orders extends Migration {

  override name = 'Migration20261123000200_qutab_orders';

  override up(): void | Promise<void> {
    this.addSql(`alter table "account" add "address" varchar(500) null;`);

    this.addSql(`alter table "customer_order" add "beneficiary_name" varchar(200) null, add "distribution_location" varchar(300) null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "account" drop column "address";`);

    this.addSql(`alter table "customer_order" drop column "beneficiary_name", drop column "distribution_location";`);
  }

}
