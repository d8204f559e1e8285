// E-mail through any SMTP server, via nodemailer (the de-facto SMTP client for Node).
import { createTransport } from 'nodemailer';
import { PermanentSendError, type ChannelAdapter } from '../channel';

export interface SmtpConfig {
  url: string;
  from: string;
}

/** What the adapter needs of a nodemailer transport; tests pass nodemailer's JSON transport. */
export interface MailTransport {
  sendMail(mail: { from: string; to: string; subject: string; text: string }): Promise<unknown>;
}

export function smtpTransport(url: string): MailTransport {
  // Bounded waits: a silent server must not hold a claimed row past the worker's send timeout.
  return createTransport({ url, connectionTimeout: 20_000, greetingTimeout: 20_000, socketTimeout: 30_000 });
}

export function smtpAdapter(from: string, transport: MailTransport): ChannelAdapter {
  return {
    name: 'smtp',
    async send(m) {
      if (!/^[^\s@]+@[^\s@]+$/.test(m.recipient)) throw new PermanentSendError('recipient is not an e-mail address / 收件人不是有效的电子邮箱');
      await transport.sendMail({ from, to: m.recipient, subject: m.subject, text: m.body });
    },
  };
}
