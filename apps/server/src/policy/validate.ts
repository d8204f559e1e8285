// A profile definition sent by an administrator is checked field by field before it is stored:
// every rule has a known clock and sane amounts, every case clock names an existing rule.
import { CASE_ACTIONS, CASE_TYPES, FAULT_CLASSES, type ApiErrorField } from '@griddesk/shared';
import { SERVICE_AREAS, type CommitmentProfile } from '@griddesk/domain';

const problem = (field: string, reason: string, reasonZh: string): ApiErrorField => ({ field, reason, reasonZh });

function amount(v: unknown, path: string, out: ApiErrorField[]): void {
  const ok = (n: unknown) => typeof n === 'number' && Number.isFinite(n) && n >= 0 && n <= 366 * 24 * 60;
  if (typeof v === 'object' && v !== null) {
    for (const a of SERVICE_AREAS)
      if (!ok((v as Record<string, unknown>)[a])) out.push(problem(`${path}.${a}`, 'must be a number of minutes (0 – one year)', '须为分钟数（0 至一年）'));
  } else if (!ok(v)) out.push(problem(path, 'must be a number of minutes (0 – one year)', '须为分钟数（0 至一年）'));
}

export function checkProfileDefinition(def: unknown): ApiErrorField[] {
  const out: ApiErrorField[] = [];
  const p = def as Partial<CommitmentProfile>;
  if (typeof p !== 'object' || p === null) return [problem('definition', 'must be an object', '须为对象')];
  if (!p.name || typeof p.name.zh !== 'string' || typeof p.name.en !== 'string') out.push(problem('definition.name', 'needs zh and en', '须含中英文名称'));
  if (!p.dayWindow || !/^\d{2}:\d{2}$/.test(p.dayWindow.start ?? '') || !/^\d{2}:\d{2}$/.test(p.dayWindow.end ?? ''))
    out.push(problem('definition.dayWindow', 'needs start and end as HH:MM', '须以 HH:MM 给出白天起止时间'));
  const keys = new Set<string>();
  (Array.isArray(p.rules) ? p.rules : []).forEach((r, i) => {
    const at = `definition.rules[${i}]`;
    if (!r.key || !/^[a-z_.]+$/.test(r.key)) out.push(problem(`${at}.key`, 'must be lower-case words joined by dots', '须为小写字母与点组成的规则键'));
    else if (keys.has(r.key)) out.push(problem(`${at}.key`, `duplicates rule ${r.key}`, `规则 ${r.key} 重复`));
    keys.add(r.key);
    if (r.clock === 'calendar_days' || r.clock === 'working_days') {
      if (!Number.isInteger(r.days) || r.days < 0 || r.days > 366)
        out.push(problem(`${at}.days`, 'must be a whole number of days (0–366)', '须为 0 至 366 的整数天数'));
    } else if (r.clock === 'minutes') {
      amount(r.minutes, `${at}.minutes`, out);
      if (r.nightMinutes !== undefined) amount(r.nightMinutes, `${at}.nightMinutes`, out);
    } else if (r.clock === 'lead_minutes') amount(r.minutes, `${at}.minutes`, out);
    else
      out.push(
        problem(
          `${at}.clock`,
          'must be calendar_days, working_days, minutes or lead_minutes',
          '计时方式须为 calendar_days、working_days、minutes 或 lead_minutes',
        ),
      );
    if (
      r.extraOutsideUrbanMinutes !== undefined &&
      (typeof r.extraOutsideUrbanMinutes !== 'number' || r.extraOutsideUrbanMinutes < 0 || r.extraOutsideUrbanMinutes > 8 * 60)
    ) {
      out.push(
        problem(
          `${at}.extraOutsideUrbanMinutes`,
          'must be between 0 and 480 minutes (R-CMT-10: at most 8 h)',
          '须在 0 至 480 分钟之间（城区外最多延长 8 小时）',
        ),
      );
    }
  });
  if (!Array.isArray(p.rules) || p.rules.length === 0) out.push(problem('definition.rules', 'needs at least one rule', '至少需要一条规则'));
  (Array.isArray(p.caseClocks) ? p.caseClocks : []).forEach((c, i) => {
    const at = `definition.caseClocks[${i}]`;
    if (!(CASE_TYPES as readonly string[]).includes(c.type)) out.push(problem(`${at}.type`, 'is not a case type', '不是有效的工单类型'));
    if (c.faultClass !== undefined && !(FAULT_CLASSES as readonly string[]).includes(c.faultClass))
      out.push(problem(`${at}.faultClass`, 'is not a fault class', '不是有效的故障类别'));
    (c.clocks ?? []).forEach((k: { rule: string; metBy: string }, j: number) => {
      if (!keys.has(k.rule)) out.push(problem(`${at}.clocks[${j}].rule`, `names no rule of this profile (${k.rule})`, `规则 ${k.rule} 不存在`));
      if (!(CASE_ACTIONS as readonly string[]).includes(k.metBy)) out.push(problem(`${at}.clocks[${j}].metBy`, 'is not a case action', '不是有效的工单操作'));
    });
  });
  if (!Array.isArray(p.escalation)) out.push(problem('definition.escalation', 'must be a list of levels', '须为升级层级列表'));
  return out;
}
