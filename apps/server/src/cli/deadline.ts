// `griddesk deadline`: the deadline calculator of issue 3 on the command line. By default it uses
// the profiles and calendar griddesk ships; with --db it reads the active profile versions and the
// administrator's calendar overrides from the configured database instead.
import {
  BUILTIN_PROFILES,
  SERVICE_AREAS,
  chinaCalendar,
  dueAt,
  findRule,
  formatShanghai,
  parseInstant,
  type Calendar,
  type CommitmentProfile,
  type Pause,
  type ServiceArea,
} from '@griddesk/domain';
import { parse, UsageError } from './args';

const USAGE = 'griddesk deadline --profile <id> --rule <key> --from <ISO-8601 instant> [--area urban|rural|remote] [--pause <ISO>/<ISO> …] [--db]';

export async function run(args: string[]): Promise<number> {
  const { values } = parse(
    args,
    {
      profile: { type: 'string' },
      rule: { type: 'string' },
      from: { type: 'string' },
      area: { type: 'string', default: 'urban' },
      pause: { type: 'string', multiple: true, default: [] },
      db: { type: 'boolean', default: false },
    },
    USAGE,
  );
  if (!values.profile || !values.rule || !values.from) throw new UsageError(`--profile, --rule and --from are required\nusage: ${USAGE}`);
  const from = parseInstant(values.from);
  if (!from) throw new UsageError(`--from is not an ISO-8601 instant: "${values.from}" (e.g. 2025-09-30T10:00:00+08:00) / 时间格式不正确`);
  if (!(SERVICE_AREAS as readonly string[]).includes(values.area!))
    throw new UsageError(`--area must be one of ${SERVICE_AREAS.join(', ')} (got "${values.area}")`);
  const pauses: Pause[] = values.pause!.map((p) => {
    const [a, b, extra] = p.split('/');
    const fromP = a ? parseInstant(a) : null;
    const toP = b ? parseInstant(b) : null;
    if (!fromP || !toP || extra !== undefined || toP < fromP) throw new UsageError(`--pause must be <ISO>/<ISO> with the end not before the start: "${p}"`);
    return { from: fromP, to: toP };
  });

  const { profiles, calendar } = values.db ? await fromDatabase() : { profiles: BUILTIN_PROFILES, calendar: chinaCalendar() };
  const profile = profiles.find((p) => p.id === values.profile);
  if (!profile) throw new UsageError(`unknown profile "${values.profile}"; known: ${profiles.map((p) => p.id).join(', ')} / 承诺方案不存在`);
  const rule = findRule(profile, values.rule);
  if (!rule) throw new UsageError(`unknown rule "${values.rule}" in profile ${profile.id}; known: ${profile.rules.map((r) => r.key).join(', ')} / 规则不存在`);
  const due = dueAt(rule, from, { calendar, pauses, area: values.area as ServiceArea, dayWindow: profile.dayWindow });
  console.log(formatShanghai(due!));
  return 0;
}

async function fromDatabase(): Promise<{ profiles: readonly CommitmentProfile[]; calendar: Calendar }> {
  const { loadConfig } = await import('../config');
  const { openAndMigrate } = await import('../main');
  const { activeProfiles, loadCalendar } = await import('../policy/repo');
  const database = await openAndMigrate(loadConfig());
  try {
    return { profiles: await activeProfiles(database.db), calendar: await loadCalendar(database.db) };
  } finally {
    await database.close();
  }
}
