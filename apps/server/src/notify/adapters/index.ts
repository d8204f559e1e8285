// Which adapter serves each channel: a configured gateway, else the log (R-OUT-02).
import type { ChannelAdapters, NotifyLog } from '../channel';
import type { NotifyConfig } from '../config';
import { httpSmsAdapter } from './http-sms';
import { logAdapter } from './log';
import { smtpAdapter, smtpTransport } from './smtp';

export function channelAdapters(cfg: Pick<NotifyConfig, 'sms' | 'smtp'>, log: NotifyLog): ChannelAdapters {
  return {
    log: logAdapter(log),
    sms: cfg.sms ? httpSmsAdapter(cfg.sms) : logAdapter(log, 'sms'),
    email: cfg.smtp ? smtpAdapter(cfg.smtp.from, smtpTransport(cfg.smtp.url)) : logAdapter(log, 'email'),
  };
}
