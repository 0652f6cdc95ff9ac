import { Migration } from '@mikro-orm/migrations';

export class Migration20261207140000_koperasi_file_purposes extends Migration {

  override name = 'Migration20261207140000_koperasi_file_purposes';

  override up(): void | Promise<void> {
    this.addSql(`alter table "file_object" drop constraint "file_object_purpose_check";`);
    this.addSql(`alter table "file_object" add constraint "file_object_purpose_check" check ("purpose" in ('ktp', 'profile_photo', 'material', 'progress_photo', 'kyc_document', 'report'));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "file_object" drop constraint "file_object_purpose_check";`);
    this.addSql(`alter table "file_object" add constraint "file_object_purpose_check" check ("purpose" in ('ktp', 'profile_photo', 'material', 'progress_photo'));`);
  }

}
