// Notification settings from the environment, validated once at boot; a bad value stops the start
// with a message naming the variable. Channels without settings fall back to the log.
import { ConfigError } from '../config';
import { fillGatewayTemplate, isJsonContentType, jsonEscape, type HttpSmsConfig } from './adapters/http-sms';
import type { SmtpConfig } from './adapters/smtp';

export interface NotifyConfig {
  sms: HttpSmsConfig | null;
  smtp: SmtpConfig | null;
  intervalMs: number;
  maxAttempts: number;
}

export type Env = Readonly<Record<string, string | undefined>>;

const SMS_TIMEOUT_MS = 15_000;
// '+86…' is not a JSON number, so a {phone} left outside quotes fails the check.
const SAMPLE = { phone: '+8613800000000', text: '您好，测试"短信"' };

function fail(en: string, zh: string): never {
  throw new ConfigError(`${en} / ${zh}`);
}

function int(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) {
    fail(`${name} must be an integer between ${min} and ${max} (got "${raw}")`, `${name} 必须是 ${min} 到 ${max} 之间的整数`);
  }
  return n;
}

function loadSms(env: Env): HttpSmsConfig | null {
  const urlTemplate = env.SMS_GATEWAY_URL || undefined;
  const rawMethod = env.SMS_GATEWAY_METHOD || undefined;
  const bodyTemplate = env.SMS_GATEWAY_BODY || null;
  const contentType = env.SMS_GATEWAY_CONTENT_TYPE || 'application/x-www-form-urlencoded';
  if (!urlTemplate) {
    if (rawMethod || bodyTemplate) fail('SMS_GATEWAY_METHOD/SMS_GATEWAY_BODY need SMS_GATEWAY_URL', '设置短信网关方法或请求体时须同时设置 SMS_GATEWAY_URL');
    return null;
  }
  const method = (rawMethod ?? 'GET').toUpperCase();
  if (method !== 'GET' && method !== 'POST') fail(`SMS_GATEWAY_METHOD must be GET or POST (got "${rawMethod}")`, 'SMS_GATEWAY_METHOD 只能是 GET 或 POST');
  if (bodyTemplate !== null && method !== 'POST')
    fail('SMS_GATEWAY_BODY is only sent with SMS_GATEWAY_METHOD=POST', 'SMS_GATEWAY_BODY 仅在 SMS_GATEWAY_METHOD=POST 时使用');
  if (!URL.canParse(fillGatewayTemplate(urlTemplate, SAMPLE, encodeURIComponent)) || !/^https?:\/\//i.test(urlTemplate)) {
    fail('SMS_GATEWAY_URL must be an http:// or https:// URL', 'SMS_GATEWAY_URL 必须是 http:// 或 https:// 地址');
  }
  const both = `${urlTemplate}\n${bodyTemplate ?? ''}`;
  for (const p of ['{phone}', '{text}']) {
    if (!both.includes(p))
      fail(`SMS_GATEWAY_URL or SMS_GATEWAY_BODY must contain the placeholder ${p}`, `SMS_GATEWAY_URL 或 SMS_GATEWAY_BODY 必须包含占位符 ${p}`);
  }
  if (bodyTemplate !== null && isJsonContentType(contentType)) {
    try {
      JSON.parse(fillGatewayTemplate(bodyTemplate, SAMPLE, jsonEscape));
    } catch {
      fail(
        'SMS_GATEWAY_BODY is not valid JSON once {phone} and {text} are filled in (put each placeholder inside quotes)',
        'SMS_GATEWAY_BODY 填入占位符后不是有效的 JSON（占位符须写在引号内）',
      );
    }
  }
  return { urlTemplate, method: method as HttpSmsConfig['method'], bodyTemplate, contentType, timeoutMs: SMS_TIMEOUT_MS };
}

function loadSmtp(env: Env): SmtpConfig | null {
  const url = env.SMTP_URL || undefined;
  const from = env.SMTP_FROM || undefined;
  if (!url) {
    if (from) fail('SMTP_FROM is set but SMTP_URL is not', '已设置 SMTP_FROM，但未设置 SMTP_URL');
    return null;
  }
  if (!/^smtps?:\/\/[^/]/.test(url)) fail('SMTP_URL must start with smtp:// or smtps://', 'SMTP_URL 必须以 smtp:// 或 smtps:// 开头');
  if (!from) fail('SMTP_FROM (the sender address) is required with SMTP_URL', '设置 SMTP_URL 时须设置发件人地址 SMTP_FROM');
  if (!/^[^\s@<>]+@[^\s@<>]+$|<[^\s@<>]+@[^\s@<>]+>$/.test(from)) {
    fail(`SMTP_FROM must be an e-mail address such as "供电所 <notice@example.cn>" (got "${from}")`, 'SMTP_FROM 必须是电子邮箱地址');
  }
  return { url, from };
}

export function loadNotifyConfig(env: Env): NotifyConfig {
  return {
    sms: loadSms(env),
    smtp: loadSmtp(env),
    intervalMs: int(env, 'NOTIFY_INTERVAL_MS', 5_000, 100, 3_600_000),
    maxAttempts: int(env, 'NOTIFY_MAX_ATTEMPTS', 6, 1, 50),
  };
}
