// Message templates as data, zh-CN first and English second (R-SYS-01). Customer-facing texts use
// the standard courteous phrases and none of the banned evasive ones (R-PUB-03); the tests hold
// every template to that. Params arrive already formatted: dates, labels and amounts are rendered
// by the caller in the message's language, so this module never guesses a time zone or a locale.

export type NotifyLang = 'zh-CN' | 'en';
export type NotifyAudience = 'customer' | 'staff';

export interface MessageText {
  subject: string;
  body: string;
}

export interface TemplateDef {
  audience: NotifyAudience;
  'zh-CN': MessageText;
  en: MessageText;
}

export const TEMPLATES = {
  'case.received': {
    audience: 'customer',
    'zh-CN': {
      subject: '您的{caseType}已受理',
      body: '尊敬的客户，您好！{station}已受理您的{caseType}，查询码{queryCode}。我们将在{due}前答复您，请凭查询码查询办理进度。谢谢您的支持！',
    },
    en: {
      subject: 'Your {caseType} has been received',
      body: 'Dear customer, thank you for contacting {station}. Your {caseType} has been received, query code {queryCode}. We will reply to you before {due}; please use the query code to follow its progress.',
    },
  },
  'case.resolved': {
    audience: 'customer',
    'zh-CN': {
      subject: '您的{caseType}已办结',
      body: '尊敬的客户，您好！您的{caseType}（查询码{queryCode}）已办理完毕：{result}。请您对办理结果和服务态度提出宝贵意见，欢迎致电{phone}。谢谢！',
    },
    en: {
      subject: 'Your {caseType} has been resolved',
      body: 'Dear customer, your {caseType} (query code {queryCode}) has been resolved: {result}. Please tell us how satisfied you are with the result and our service by calling {phone}. Thank you!',
    },
  },
  'case.callback_request': {
    audience: 'customer',
    'zh-CN': {
      subject: '{station}服务回访',
      body: '尊敬的客户，您好！为了解您对{caseType}（查询码{queryCode}）办理情况的满意程度，{station}近期将与您电话回访，请您留意接听；您也可致电{phone}直接评价。谢谢您的支持！',
    },
    en: {
      subject: 'Service callback from {station}',
      body: 'Dear customer, {station} will call you shortly to ask how satisfied you are with the handling of your {caseType} (query code {queryCode}). Please feel free to call {phone} to give your rating directly. Thank you for your support!',
    },
  },
  'case.reminder': {
    audience: 'staff',
    'zh-CN': {
      subject: '工单{queryCode}时限提醒',
      body: '工单{queryCode}（{caseType}）已用去{used}的办理时限，请于{due}前办结并答复客户。',
    },
    en: {
      subject: 'Case {queryCode}: deadline approaching',
      body: 'Case {queryCode} ({caseType}) has used {used} of its time limit. Please complete it and reply to the customer before {due}.',
    },
  },
  'case.overdue': {
    audience: 'staff',
    'zh-CN': {
      subject: '工单{queryCode}已超时',
      body: '工单{queryCode}（{caseType}）已超过办理时限{due}，责任人{assignee}。请尽快办结、答复客户并说明超时原因。',
    },
    en: {
      subject: 'Case {queryCode} is overdue',
      body: 'Case {queryCode} ({caseType}) passed its deadline of {due}; responsible: {assignee}. Please complete it, reply to the customer and record the reason for the delay.',
    },
  },
  'case.escalated': {
    audience: 'staff',
    'zh-CN': {
      subject: '工单{queryCode}已升级，请督办',
      body: '工单{queryCode}（{caseType}）已升级至您处督办，原因：{reason}。办理时限{due}，责任人{assignee}。',
    },
    en: {
      subject: 'Case {queryCode} escalated to you',
      body: 'Case {queryCode} ({caseType}) has been escalated to you for follow-up. Reason: {reason}. Deadline {due}; responsible: {assignee}.',
    },
  },
  'breach.opened': {
    audience: 'staff',
    'zh-CN': {
      subject: '违诺工单{queryCode}已立案',
      body: '违诺工单{queryCode}已立案，涉及承诺：{commitment}。请按违诺处理规定核实，并于{due}前将处理结果答复客户。',
    },
    en: {
      subject: 'Commitment breach case {queryCode} opened',
      body: 'Commitment breach case {queryCode} has been opened; commitment concerned: {commitment}. Please verify it under the breach rules and give the customer the result before {due}.',
    },
  },
  'outage.notice': {
    audience: 'customer',
    'zh-CN': {
      subject: '{station}停电通知',
      body: '尊敬的客户，您好！因{reason}，{station}计划于{start}至{end}对{area}停电，请您提前做好准备。给您带来不便，敬请谅解！如有疑问请致电{phone}，谢谢！',
    },
    en: {
      subject: 'Planned outage notice from {station}',
      body: 'Dear customer, because of {reason}, {station} plans a power outage in {area} from {start} to {end}. Please make arrangements in advance; we apologise for the inconvenience. For questions please call {phone}. Thank you!',
    },
  },
} as const satisfies Record<string, TemplateDef>;

export type TemplateKey = keyof typeof TEMPLATES;
export const TEMPLATE_KEYS = Object.keys(TEMPLATES) as TemplateKey[];
export type TemplateParams = Readonly<Record<string, string | number>>;

export class TemplateError extends Error {
  constructor(
    message: string,
    /** the missing or ill-typed param, when that is the problem */
    readonly param?: string,
  ) {
    super(message);
    this.name = 'TemplateError';
  }
}

export function isTemplateKey(key: string): key is TemplateKey {
  return Object.hasOwn(TEMPLATES, key);
}

const PLACEHOLDER = /\{([A-Za-z][A-Za-z0-9_]*)\}/g;

function fill(text: string, key: string, lang: NotifyLang, params: TemplateParams): string {
  return text.replace(PLACEHOLDER, (_m, name: string) => {
    const value = Object.hasOwn(params, name) ? params[name] : undefined;
    if (value === undefined || value === null) {
      throw new TemplateError(`template ${key} (${lang}) needs param "${name}" / 模板 ${key} 缺少参数“${name}”`, name);
    }
    // A Date or object would print in the server's zone or as [object Object]; callers format.
    if (typeof value !== 'string' && typeof value !== 'number') {
      throw new TemplateError(
        `template ${key} (${lang}): param "${name}" must be a string or number, formatted by the caller / 参数“${name}”须为已格式化的文本或数字`,
        name,
      );
    }
    return String(value);
  });
}

export function renderTemplate(key: string, lang: NotifyLang, params: TemplateParams): MessageText {
  if (!isTemplateKey(key)) throw new TemplateError(`unknown notification template "${key}" / 未知的通知模板“${key}”`);
  const text = TEMPLATES[key][lang];
  return { subject: fill(text.subject, key, lang, params), body: fill(text.body, key, lang, params) };
}

/** Names of the placeholders a template uses, in first-seen order across both languages. */
export function templateParams(key: TemplateKey): string[] {
  const def = TEMPLATES[key];
  const all = [def['zh-CN'], def.en].flatMap((t) => [t.subject, t.body]).join('\n');
  return [...new Set([...all.matchAll(PLACEHOLDER)].map((m) => m[1]!))];
}
