// A commitment rule's time limit in words, for the console's rule tables and the published
// commitments (R-CMT-01, R-CMT-02, R-PUB-01): "15 天（自然日）", "7 个工作日",
// "4 小时（夜间 12 小时），城区外 +8 小时", "提前 7 天".
import type { Text } from '../i18n';
import { SERVICE_AREA_LABELS } from '../cases/labels';
import type { ServiceArea } from '@griddesk/shared';

type AreaMinutes = number | Partial<Record<ServiceArea, number>>;

/** The parts of a rule that say how its clock counts, as both the policy API and the portal send them. */
export interface RuleClockLike {
  clock: string;
  days?: number | null;
  minutes?: AreaMinutes | null;
  nightMinutes?: AreaMinutes | null;
  extraOutsideUrbanMinutes?: number | null;
}

export const CLOCK_LABELS: Record<string, Text> = {
  calendar_days: { zh: '自然日', en: 'Calendar days' },
  working_days: { zh: '工作日', en: 'Working days' },
  minutes: { zh: '小时计时', en: 'Hours' },
  lead_minutes: { zh: '提前量', en: 'Notice ahead' },
};

export function hoursWords(minutes: number): Text {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return { zh: `${m} 分钟`, en: `${m} min` };
  if (m === 0) return { zh: `${h} 小时`, en: `${h} h` };
  return { zh: `${h} 小时 ${m} 分钟`, en: `${h} h ${m} min` };
}

/** Notice periods read better in days once they are whole days beyond two. */
function leadWords(minutes: number): Text {
  if (minutes % 1440 === 0 && minutes >= 2 * 1440) {
    const d = minutes / 1440;
    return { zh: `${d} 天`, en: `${d} days` };
  }
  return hoursWords(minutes);
}

function areaWords(value: AreaMinutes): Text {
  if (typeof value === 'number') return hoursWords(value);
  const parts = (Object.keys(SERVICE_AREA_LABELS) as ServiceArea[])
    .filter((a) => typeof value[a] === 'number')
    .map((a) => ({ area: SERVICE_AREA_LABELS[a], amount: hoursWords(value[a]!) }));
  return {
    zh: parts.map((p) => `${p.area.zh} ${p.amount.zh}`).join('、'),
    en: parts.map((p) => `${p.amount.en} ${p.area.en.toLowerCase()}`).join(', '),
  };
}

const plural = (n: number, one: string, many: string) => (n === 1 ? one : many);

/** The amount of a rule in words, as the console shows it. */
export function ruleAmountWords(rule: RuleClockLike): Text {
  switch (rule.clock) {
    case 'calendar_days': {
      const d = rule.days ?? 0;
      return { zh: `${d} 天（自然日）`, en: `${d} ${plural(d, 'calendar day', 'calendar days')}` };
    }
    case 'working_days': {
      const d = rule.days ?? 0;
      return { zh: `${d} 个工作日`, en: `${d} ${plural(d, 'working day', 'working days')}` };
    }
    case 'minutes': {
      const base = areaWords(rule.minutes ?? 0);
      let zh = base.zh;
      let en = base.en;
      if (rule.nightMinutes !== undefined && rule.nightMinutes !== null) {
        const night = areaWords(rule.nightMinutes);
        zh += `（夜间 ${night.zh}）`;
        en += ` (${night.en} at night)`;
      }
      if (rule.extraOutsideUrbanMinutes) {
        const extra = hoursWords(rule.extraOutsideUrbanMinutes);
        zh += `，城区外 +${extra.zh}`;
        en += `, +${extra.en} outside urban areas`;
      }
      return { zh, en };
    }
    case 'lead_minutes': {
      const lead = leadWords(typeof rule.minutes === 'number' ? rule.minutes : 0);
      return { zh: `提前 ${lead.zh}`, en: `${lead.en} ahead` };
    }
    default:
      return { zh: rule.clock, en: rule.clock };
  }
}

/**
 * The promise as a customer reads it: "受理登记时起 15 天内" / "within 15 days from registration
 * of the case"; notices: "至少提前 7 天（停电开始前）".
 */
export function ruleSentence(rule: RuleClockLike & { starts: Text }): Text {
  const starts = rule.starts;
  switch (rule.clock) {
    case 'calendar_days': {
      const d = rule.days ?? 0;
      return { zh: `${starts.zh} ${d} 天内`, en: `within ${d} ${plural(d, 'day', 'days')} ${starts.en}` };
    }
    case 'working_days': {
      const d = rule.days ?? 0;
      return { zh: `${starts.zh} ${d} 个工作日内`, en: `within ${d} ${plural(d, 'working day', 'working days')} ${starts.en}` };
    }
    case 'minutes': {
      const base = areaWords(rule.minutes ?? 0);
      let zh = `${starts.zh} ${base.zh}内`;
      let en = `within ${base.en} ${starts.en}`;
      if (rule.nightMinutes !== undefined && rule.nightMinutes !== null) {
        const night = areaWords(rule.nightMinutes);
        zh = `${starts.zh}白天 ${base.zh}内、夜间 ${night.zh}内`;
        en = `within ${base.en} by day and ${night.en} at night ${starts.en}`;
      }
      if (rule.extraOutsideUrbanMinutes) {
        const extra = hoursWords(rule.extraOutsideUrbanMinutes);
        zh += `；城区以外最多延长 ${extra.zh}`;
        en += `; up to ${extra.en} more outside urban areas`;
      }
      return { zh, en };
    }
    case 'lead_minutes': {
      const lead = leadWords(typeof rule.minutes === 'number' ? rule.minutes : 0);
      return { zh: `${starts.zh}至少提前 ${lead.zh}`, en: `at least ${lead.en} ${starts.en}` };
    }
    default:
      return ruleAmountWords(rule);
  }
}
