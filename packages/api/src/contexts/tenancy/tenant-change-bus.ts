import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import type { Redis as RedisClient } from 'ioredis';
import type { TenantDirectory } from './tenant.service.ts';

export interface TenantChangeBusConfig {
  redisUrl: string;
  /** the pub/sub channel every instance of one deployment shares */
  channel: string;
  /** Redis connection and command failures (the directory's cache time still bounds staleness) */
  onError?: (error: unknown) => void;
}

export interface TenantChangeBus {
  /** settles once the first subscription is in place (changes published from then on are heard) */
  subscribed: Promise<void>;
  close(): Promise<void>;
}

/**
 * Tenant changes across instances over Redis pub/sub: a change this instance makes is published,
 * and a change another instance publishes reloads this one's directory, so settings are served
 * everywhere within a moment instead of within the directory's cache time. A notice lost while
 * Redis is away is covered by a reload whenever the subscription (re)connects, and by the cache time.
 */
export function connectTenantChanges(
  directory: TenantDirectory,
  config: TenantChangeBusConfig,
): TenantChangeBus {
  const onError = config.onError ?? (() => {});
  const instance = randomUUID();
  // loaded only when configured: a server without Redis never pays for the client
  const { Redis } = createRequire(import.meta.url)('ioredis') as { Redis: typeof RedisClient };
  // publishing must not hold a settings change up: a notice waits at most 250 ms, then it is dropped
  const publisher = new Redis(config.redisUrl, { maxRetriesPerRequest: 1, commandTimeout: 250 });
  const subscriber = new Redis(config.redisUrl);
  publisher.on('error', onError);
  subscriber.on('error', onError);
  subscriber.on('message', (channel: string, from: string) => {
    if (channel === config.channel && from !== instance) directory.reload().catch(onError);
  });
  // ioredis subscribes again by itself after a reconnect; changes published meanwhile are read then
  let connections = 0;
  subscriber.on('ready', () => {
    if (++connections > 1) directory.reload().catch(onError);
  });
  const subscribed = subscriber.subscribe(config.channel).then(
    () => {},
    (err: unknown) => onError(err),
  );
  directory.announceChangesWith(() => {
    publisher.publish(config.channel, instance).catch(onError);
  });
  return {
    subscribed,
    async close() {
      directory.announceChangesWith(() => {});
      await Promise.all([publisher, subscriber].map((c) => c.quit().catch(() => c.disconnect())));
    },
  };
}
