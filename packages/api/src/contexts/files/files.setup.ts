import { join } from 'node:path';
import type { Config } from '../../platform/config.ts';
import type { FileStorage } from './file-storage.ts';
import { LocalDiskFileStorage } from './local-disk.storage.ts';
import { S3FileStorage } from './s3.storage.ts';

/** What the files service is built from (ServiceOptions.files). */
export interface FilesSetup {
  storage: FileStorage;
  key: Uint8Array;
  previousKeys: readonly Uint8Array[];
}

/** An S3-compatible bucket when KOMISI_S3_* is set, else `${KOMISI_DATA_DIR}/files` on local disk. */
export function filesSetupFromConfig(config: Pick<Config, 'dataDir' | 'files'>): FilesSetup {
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
