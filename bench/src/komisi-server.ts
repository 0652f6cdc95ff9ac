// Child process: our real server (what `pnpm start` runs) on the bench database.
import { serve } from '@hono/node-server';
import { createLogger, loadConfig } from '@komisi/api';
import { startPlatform } from '@komisi/server';
import { drainable } from './drain.ts';

const config = loadConfig();
const platform = await startPlatform(config, createLogger(config.logLevel));
const handler = drainable(platform.app.fetch);
const server = serve({ fetch: handler.fetch, port: config.port, hostname: config.host });
// close() writes the referral clicks still buffered, then closes the pool
handler.onSignal(server, () => platform.close());
