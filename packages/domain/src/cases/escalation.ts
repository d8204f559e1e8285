// R-CASE-05: escalation when a deadline nears and when it passes. Given a case's clocks and the
// profile's levels, which levels have been reached now. The caller queues one notice per level
// and deadline (the dedupe key carries the due instant, so a deadline moved by a pause re-arms).
import type { ClockState } from './clocks';
import type { EscalationLevel } from '../commitments/rules';

export interface ReachedLevel {
  rule: string;
  dueAt: Date;
  level: number;
  notify: EscalationLevel['notify'];
  template: EscalationLevel['template'];
}

export function reachedLevels(clocks: readonly ClockState[], levels: readonly EscalationLevel[], now: Date): ReachedLevel[] {
  const out: ReachedLevel[] = [];
  for (const c of clocks) {
    if (c.metAt || !c.dueAt) continue;
    levels.forEach((l, level) => {
      const reached =
        'usedFraction' in l.at
          ? c.usedFraction !== null && c.usedFraction >= l.at.usedFraction && now <= c.dueAt!
          : now.getTime() > c.dueAt!.getTime() + l.at.afterDueMinutes * 60_000;
      if (reached) out.push({ rule: c.rule, dueAt: c.dueAt!, level, notify: l.notify, template: l.template });
    });
  }
  return out;
}
