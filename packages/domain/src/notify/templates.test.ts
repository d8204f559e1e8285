import { describe, expect, it } from 'vitest';
import { BANNED_PHRASES, COURTEOUS_MARKERS, checkCourteous } from './phrases';
import { maskRecipient } from './recipient';
import { TEMPLATES, TEMPLATE_KEYS, TemplateError, renderTemplate, templateParams, type NotifyLang } from './templates';

const LANGS: NotifyLang[] = ['zh-CN', 'en'];
const sample = (key: (typeof TEMPLATE_KEYS)[number]) => Object.fromEntries(templateParams(key).map((p) => [p, `«${p}»`]));
const cases = TEMPLATE_KEYS.flatMap((key) => LANGS.map((lang) => [key, lang] as const));

describe('R-PUB-03 notification templates', () => {
  it('has every template the case, breach and outage flows need', () => {
    expect(TEMPLATE_KEYS).toEqual(
      expect.arrayContaining([
        'case.received',
        'case.resolved',
        'case.callback_request',
        'case.reminder',
        'case.overdue',
        'case.escalated',
        'breach.opened',
        'outage.notice',
      ]),
    );
  });

  it.each(cases)('%s (%s) renders with sample params, leaving no placeholder behind', (key, lang) => {
    const params = sample(key);
    const { subject, body } = renderTemplate(key, lang, params);
    expect(`${subject}\n${body}`).not.toMatch(/[{}]/);
    for (const name of Object.keys(params)) expect(`${subject}${body}`).toContain(`«${name}»`);
  });

  it.each(TEMPLATE_KEYS)('%s uses the same params in zh-CN and en', (key) => {
    const names = (lang: NotifyLang) => {
      const t = TEMPLATES[key][lang];
      return [...`${t.subject}${t.body}`.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    };
    expect(new Set(names('en'))).toEqual(new Set(names('zh-CN')));
  });

  it.each(cases)('R-PUB-03 %s (%s) contains no banned evasive phrase', (key, lang) => {
    const t = TEMPLATES[key][lang];
    expect(checkCourteous(`${t.subject}\n${t.body}`)).toEqual([]);
  });

  it.each(TEMPLATE_KEYS.filter((k) => TEMPLATES[k].audience === 'customer'))('R-PUB-03 customer-facing %s (zh-CN) uses a courteous phrase', (key) => {
    const { body } = renderTemplate(key, 'zh-CN', sample(key));
    expect(COURTEOUS_MARKERS.some((m) => body.includes(m))).toBe(true);
  });

  it('R-PUB-03 the checker catches every banned phrase, also with spaces planted inside', () => {
    for (const phrase of BANNED_PHRASES) {
      expect(checkCourteous(`您好，这件事我${phrase}。`)).toEqual([phrase]);
    }
    expect(checkCourteous('这个我不\u3000知 道')).toEqual(['不知道']);
    expect(checkCourteous('不清楚，不属我管')).toEqual(['不清楚', '不属我管']);
    expect(checkCourteous('您好，请稍候，谢谢！')).toEqual([]);
  });

  it('a missing param is an error naming it', () => {
    const params = { ...sample('case.received') } as Record<string, string>;
    delete params.due;
    expect(() => renderTemplate('case.received', 'zh-CN', params)).toThrow(/"due"/);
    try {
      renderTemplate('case.received', 'en', params);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(TemplateError);
      expect((e as TemplateError).param).toBe('due');
    }
  });

  it('a Date param is refused: dates are formatted by the caller', () => {
    const params = { ...sample('case.received'), due: new Date() } as unknown as Record<string, string>;
    expect(() => renderTemplate('case.received', 'zh-CN', params)).toThrow(/"due".*string or number/);
  });

  it('an unknown template key is an error naming it', () => {
    expect(() => renderTemplate('case.nope', 'zh-CN', {})).toThrow(/case\.nope/);
  });

  it('numbers render as written', () => {
    const out = renderTemplate('case.reminder', 'en', { ...sample('case.reminder'), used: 80 });
    expect(out.body).toContain('has used 80 of');
  });
});

describe('R-SYS-03 recipients are masked for display', () => {
  it.each([
    ['13812345678', '138****5678'],
    ['zhang.san@example.cn', 'zh***@example.cn'],
    ['a@b.cn', 'a***@b.cn'],
    ['user:42', 'user:42'],
  ])('%s → %s', (input, expected) => {
    expect(maskRecipient(input)).toBe(expected);
  });
});
