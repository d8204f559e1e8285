// The contract between the outbox worker and the adapters that deliver a message on a channel.

export const CHANNELS = ['log', 'sms', 'email'] as const;
export type Channel = (typeof CHANNELS)[number];

export interface OutgoingMessage {
  id: number;
  channel: Channel;
  recipient: string;
  template: string;
  subject: string;
  body: string;
}

export interface ChannelAdapter {
  /** Shown in the boot log and in errors, so an operator sees which gateway is live. */
  readonly name: string;
  /** Resolves once the gateway has accepted the message; throws otherwise. */
  send(message: OutgoingMessage): Promise<void>;
}

export type ChannelAdapters = Record<Channel, ChannelAdapter>;

/** The slice of pino (Fastify's `app.log`) the notifier writes to; `console` fits too. */
export interface NotifyLog {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

/** A failure that retrying cannot fix (a malformed address): the row fails at once. */
export class PermanentSendError extends Error {
  override name = 'PermanentSendError';
}
