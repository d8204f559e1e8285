import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createTransport } from 'nodemailer';
import { ConfigError } from '../config';
import { channelAdapters } from './adapters';
import { smtpAdapter, type MailTransport } from './adapters/smtp';
import { PermanentSendError, type NotifyLog, type OutgoingMessage } from './channel';
import { loadNotifyConfig, type Env } from './config';

const TEXT = '尊敬的客户，您好！查询码Q2026-0001 & "引号" 100%\n谢谢！';
const message = (over: Partial<OutgoingMessage> = {}): OutgoingMessage => ({
  id: 1,
  channel: 'sms',
  recipient: '138-1234-5678',
  template: 'case.received',
  subject: '您的投诉已受理',
  body: TEXT,
  ...over,
});
const silent: NotifyLog = { info() {}, warn() {}, error() {} };

interface Seen {
  method: string;
  url: string;
  contentType: string | undefined;
  body: string;
}

describe('R-OUT-02 HTTP SMS gateway against a loopback server', () => {
  let server: Server;
  let base: string;
  const seen: Seen[] = [];
  let answer = 200;
  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.setEncoding('utf8');
      req.on('data', (c: string) => (body += c));
      req.on('end', () => {
        seen.push({ method: req.method!, url: req.url!, contentType: req.headers['content-type'], body });
        res.writeHead(answer, { 'content-type': 'text/plain' }).end(answer < 300 ? 'OK' : 'quota exceeded');
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => new Promise<void>((r) => server.close(() => r())));
  beforeEach(() => {
    seen.length = 0;
    answer = 200;
  });
  const sms = (env: Env) => channelAdapters(loadNotifyConfig(env), silent).sms;

  it('GET: {phone} and {text} are percent-encoded into the URL, Chinese included', async () => {
    await sms({ SMS_GATEWAY_URL: `${base}/send?key=k1&to={phone}&msg={text}` }).send(message());
    expect(seen).toHaveLength(1);
    const { method, url } = seen[0]!;
    expect(method).toBe('GET');
    expect(url).toBe(`/send?key=k1&to=13812345678&msg=${encodeURIComponent(TEXT)}`);
    expect(url).toContain('%E5%B0%8A%E6%95%AC'); // 尊敬
    const q = new URL(url, base).searchParams;
    expect(q.get('to')).toBe('13812345678');
    expect(q.get('msg')).toBe(TEXT);
  });

  it('POST with a form body template', async () => {
    await sms({ SMS_GATEWAY_URL: `${base}/sms`, SMS_GATEWAY_METHOD: 'post', SMS_GATEWAY_BODY: 'mobile={phone}&content={text}' }).send(message());
    const s = seen[0]!;
    expect([s.method, s.url, s.contentType]).toEqual(['POST', '/sms', 'application/x-www-form-urlencoded']);
    const form = new URLSearchParams(s.body);
    expect(form.get('mobile')).toBe('13812345678');
    expect(form.get('content')).toBe(TEXT);
  });

  it('POST with a JSON body template: the text is JSON-escaped', async () => {
    await sms({
      SMS_GATEWAY_URL: `${base}/api/sms?to={phone}`,
      SMS_GATEWAY_METHOD: 'POST',
      SMS_GATEWAY_CONTENT_TYPE: 'application/json; charset=utf-8',
      SMS_GATEWAY_BODY: '{"sign":"供电所","text":"{text}"}',
    }).send(message());
    const s = seen[0]!;
    expect(s.url).toBe('/api/sms?to=13812345678');
    expect(JSON.parse(s.body)).toEqual({ sign: '供电所', text: TEXT });
  });

  it('a non-2xx answer is a failed attempt quoting the status and answer', async () => {
    answer = 429;
    await expect(sms({ SMS_GATEWAY_URL: `${base}/send?to={phone}&msg={text}` }).send(message())).rejects.toThrow(
      'SMS gateway answered HTTP 429: quota exceeded',
    );
  });

  it('a recipient that is not a phone number fails for good, without calling the gateway', async () => {
    const err = await sms({ SMS_GATEWAY_URL: `${base}/send?to={phone}&msg={text}` })
      .send(message({ recipient: 'user:7' }))
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PermanentSendError);
    expect(seen).toEqual([]);
  });
});

describe('R-OUT-02 SMTP adapter over a stub transport', () => {
  it('sends subject and text from the configured sender', async () => {
    const json = createTransport({ jsonTransport: true });
    const mails: Record<string, unknown>[] = [];
    const transport: MailTransport = {
      async sendMail(mail) {
        const info = await json.sendMail(mail);
        mails.push(JSON.parse(info.message));
        return info;
      },
    };
    await smtpAdapter('示范供电所 <notice@example.cn>', transport).send(message({ channel: 'email', recipient: 'zhang@example.cn' }));
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({
      from: { address: 'notice@example.cn', name: '示范供电所' },
      to: [{ address: 'zhang@example.cn', name: '' }],
      subject: '您的投诉已受理',
      text: TEXT,
    });
  });

  it('a recipient that is not an e-mail address fails for good', async () => {
    const transport: MailTransport = { sendMail: async () => expect.unreachable() };
    await expect(smtpAdapter('a@b.cn', transport).send(message({ channel: 'email', recipient: '13812345678' }))).rejects.toBeInstanceOf(PermanentSendError);
  });
});

describe('R-OUT-02 channel settings', () => {
  it('without settings SMS and e-mail fall back to the log, which masks the recipient', async () => {
    const lines: [object, string][] = [];
    const log: NotifyLog = { info: (o, m) => void lines.push([o, m]), warn() {}, error() {} };
    const adapters = channelAdapters(loadNotifyConfig({}), log);
    expect([adapters.log.name, adapters.sms.name, adapters.email.name]).toEqual([
      'log',
      'log (no sms gateway configured)',
      'log (no email gateway configured)',
    ]);
    await adapters.sms.send(message());
    expect(lines[0]![0]).toMatchObject({ notification: 1, channel: 'sms', to: '138****5678', body: TEXT });
  });

  it('configured gateways are used', () => {
    const adapters = channelAdapters(
      loadNotifyConfig({
        SMS_GATEWAY_URL: 'https://sms.example.cn/send?to={phone}&msg={text}',
        SMTP_URL: 'smtp://mail.example.cn:25',
        SMTP_FROM: 'notice@example.cn',
      }),
      silent,
    );
    expect([adapters.sms.name, adapters.email.name]).toEqual(['http-sms sms.example.cn', 'smtp']);
  });

  it('defaults and numbers', () => {
    expect(loadNotifyConfig({})).toEqual({ sms: null, smtp: null, intervalMs: 5_000, maxAttempts: 6 });
    expect(loadNotifyConfig({ NOTIFY_INTERVAL_MS: '1000', NOTIFY_MAX_ATTEMPTS: '3' })).toMatchObject({ intervalMs: 1000, maxAttempts: 3 });
  });

  it.each<[Env, RegExp]>([
    [{ SMS_GATEWAY_URL: 'ftp://x/{phone}/{text}' }, /SMS_GATEWAY_URL must be an http/],
    [{ SMS_GATEWAY_URL: 'https://x/send?msg={text}' }, /placeholder \{phone\}/],
    [{ SMS_GATEWAY_URL: 'https://x/send?to={phone}', SMS_GATEWAY_METHOD: 'PUT' }, /SMS_GATEWAY_METHOD must be GET or POST/],
    [{ SMS_GATEWAY_URL: 'https://x/send?to={phone}&m={text}', SMS_GATEWAY_BODY: 'a={text}' }, /only sent with SMS_GATEWAY_METHOD=POST/],
    [
      {
        SMS_GATEWAY_URL: 'https://x/send',
        SMS_GATEWAY_METHOD: 'POST',
        SMS_GATEWAY_CONTENT_TYPE: 'application/json',
        SMS_GATEWAY_BODY: '{"to":{phone},"t":"{text}"}',
      },
      /not valid JSON/,
    ],
    [{ SMS_GATEWAY_BODY: 'a={text}' }, /need SMS_GATEWAY_URL/],
    [{ SMTP_URL: 'http://mail', SMTP_FROM: 'a@b.cn' }, /SMTP_URL must start with smtp/],
    [{ SMTP_URL: 'smtp://mail' }, /SMTP_FROM .* is required/],
    [{ SMTP_URL: 'smtp://mail', SMTP_FROM: 'nobody' }, /SMTP_FROM must be an e-mail address/],
    [{ SMTP_FROM: 'a@b.cn' }, /SMTP_URL is not/],
    [{ NOTIFY_MAX_ATTEMPTS: '0' }, /NOTIFY_MAX_ATTEMPTS must be an integer between 1 and 50/],
  ])('refuses %o with a message naming the variable', (env, message) => {
    expect(() => loadNotifyConfig(env)).toThrow(ConfigError);
    expect(() => loadNotifyConfig(env)).toThrow(message);
  });
});
