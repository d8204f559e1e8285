// The notification capability as the rest of the server uses it: queue with `enqueue`/`cancel`
// inside your transaction; boot calls `startNotifications` once.
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { channelAdapters } from './adapters';
import type { NotifyLog } from './channel';
import { loadNotifyConfig, type Env } from './config';
import { startNotificationWorker, type NotificationWorker } from './worker';

export { enqueue, cancel, type NewNotification } from './outbox';
export type { Channel } from './channel';
export type { NotificationWorker } from './worker';

const BATCH = 20;

/** Reads the channel settings from `env` (throws ConfigError on a bad one) and starts sending. */
export function startNotifications(db: Kysely<DB>, env: Env, log: NotifyLog): NotificationWorker {
  const cfg = loadNotifyConfig(env);
  const adapters = channelAdapters(cfg, log);
  log.info({ sms: adapters.sms.name, email: adapters.email.name }, 'notifications: channels ready');
  return startNotificationWorker(db, adapters, { intervalMs: cfg.intervalMs, batch: BATCH, maxAttempts: cfg.maxAttempts, log });
}
