// The always-available channel: the message goes to the server log. It stands in for SMS and
// e-mail until a gateway is configured, so notices are never silently dropped (R-OUT-02).
import { maskRecipient } from '@griddesk/domain/notify/recipient';
import type { Channel, ChannelAdapter, NotifyLog } from '../channel';

export function logAdapter(log: NotifyLog, standingInFor?: Channel): ChannelAdapter {
  return {
    name: standingInFor ? `log (no ${standingInFor} gateway configured)` : 'log',
    async send(m) {
      log.info(
        { notification: m.id, channel: m.channel, to: maskRecipient(m.recipient), template: m.template, subject: m.subject, body: m.body },
        'notification delivered to the log',
      );
    },
  };
}
