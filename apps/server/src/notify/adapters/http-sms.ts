// A generic HTTP SMS gateway: most Chinese SMS platforms take the phone and text as URL or form
// parameters, so a URL template with {phone} and {text} covers them without a vendor SDK.
import { PermanentSendError, type ChannelAdapter } from '../channel';

export interface HttpSmsConfig {
  urlTemplate: string;
  method: 'GET' | 'POST';
  bodyTemplate: string | null;
  contentType: string;
  timeoutMs: number;
}

type GatewayValues = Record<'phone' | 'text', string>;

/** Substitutes {phone} and {text}, each passed through `encode` (URL or JSON escaping). */
export function fillGatewayTemplate(template: string, values: GatewayValues, encode: (v: string) => string): string {
  return template.replace(/\{(phone|text)\}/g, (_m, name: keyof GatewayValues) => encode(values[name]));
}

export const jsonEscape = (v: string): string => JSON.stringify(v).slice(1, -1);
export const isJsonContentType = (contentType: string): boolean => /\bjson\b/i.test(contentType);

const PHONE = /^\+?\d{5,20}$/;

export function httpSmsAdapter(cfg: HttpSmsConfig): ChannelAdapter {
  const bodyEncode = isJsonContentType(cfg.contentType) ? jsonEscape : encodeURIComponent;
  return {
    name: `http-sms ${new URL(fillGatewayTemplate(cfg.urlTemplate, { phone: '', text: '' }, String)).host}`,
    async send(m) {
      const phone = m.recipient.replace(/[\s-]/g, '');
      if (!PHONE.test(phone)) throw new PermanentSendError('recipient is not a phone number / 收件人不是有效的手机号码');
      const values = { phone, text: m.body };
      const init: RequestInit = { method: cfg.method, signal: AbortSignal.timeout(cfg.timeoutMs) };
      if (cfg.method === 'POST' && cfg.bodyTemplate !== null) {
        init.body = fillGatewayTemplate(cfg.bodyTemplate, values, bodyEncode);
        init.headers = { 'content-type': cfg.contentType };
      }
      const res = await fetch(fillGatewayTemplate(cfg.urlTemplate, values, encodeURIComponent), init);
      // The URL may carry the gateway's API key, so errors quote the answer, never the request.
      const answer = await res.text();
      if (!res.ok) throw new Error(`SMS gateway answered HTTP ${res.status}: ${answer.slice(0, 200)}`);
    },
  };
}
