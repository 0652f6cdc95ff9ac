import { join } from 'node:path';
import type { FileStorage } from './file-storage.ts';
import { LocalDiskFileStorage } from './local-disk.storage.ts';
import { S3FileStorage } from './s3.storage.ts';

export interface FileConfig {
  /** 32-byte AES key sealing stored files and bank account numbers */
  key: Uint8Array;
  /** true when KOMISI_FILE_KEY was not set and the public development key is used */
  keyIsDevDefault: boolean;
  previousKeys: Uint8Array[];
  /** set when KOMISI_S3_BUCKET is; otherwise files go to `${dataDir}/files` */
  s3:
    | { endpoint: string; bucket: string; region: string; accessKeyId: string; secretAccessKey: string }
    | undefined;
}

/** What the files service is built from (ServiceOptions.files). */
export interface FilesSetup {
  storage: FileStorage;
  key: Uint8Array;
  previousKeys: readonly Uint8Array[];
}

/** An S3-compatible bucket when KOMISI_S3_* is set, else `${KOMISI_DATA_DIR}/files` on local disk. */
export function filesSetupFromConfig(config: { dataDir: string; files: FileConfig }): FilesSetup {
  const s3 = config.files.s3;
  const storage = s3
    ? new S3FileStorage({
        endpoint: s3.endpoint,
        bucket: s3.bucket,
        region: s3.region,
        credentials: { accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey },
      })
    : new LocalDiskFileStorage(join(config.dataDir, 'files'));
  return { storage, key: config.files.key, previousKeys: config.files.previousKeys };
}
