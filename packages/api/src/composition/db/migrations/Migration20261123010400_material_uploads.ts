import { Migration } from '@mikro-orm/migrations';

export class Migration20261123010400_material_uploads extends Migration {

  override name = 'Migration20261123010400_material_uploads';

  override up(): void | Promise<void> {
    this.addSql(`alter table "affiliate_program_content" add "image_file" int null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "affiliate_program_content" drop column "image_file";`);
  }

}
