// Calendar overrides (R-CMT-02) as commands: a date made a day off or a working day, an override
// removed, a year's official notice declared. Each is audited, and an override moves the open
// items whose deadlines count working days, in the same transaction.
import { addDays } from '@griddesk/domain';
import { errors } from '../errors';
import { type CommandContext, runCommand } from '../platform/commands';
import { reprojectForCalendarDay } from '../platform/workflow';

function checkDay(day: string): void {
  if (addDays(day, 0) !== day) throw errors.validation([{ field: 'day', value: day, reason: 'is not a calendar date', reasonZh: '不是有效日期' }]);
}

export async function overrideDay(ctx: CommandContext, day: string, input: { off: boolean; name?: string | undefined }): Promise<void> {
  checkDay(day);
  await runCommand(ctx, { permission: 'policy.write' }, async ({ tx, audit, now }) => {
    const before = await tx.selectFrom('calendar_overrides').select(['off', 'name']).where('day', '=', day).executeTakeFirst();
    const values = { off: input.off, name: input.name ?? null, created_by: ctx.actor?.id ?? null };
    await tx
      .insertInto('calendar_overrides')
      .values({ day, ...values })
      .onConflict((oc) => oc.column('day').doUpdateSet(values))
      .execute();
    await audit({ entity: 'calendar_day', entityId: day, action: 'override', before: before ?? null, after: input });
    await reprojectForCalendarDay(tx, day, now); // open items counted in working days move
  });
}

/** Whether there was an override to remove. */
export async function removeOverride(ctx: CommandContext, day: string): Promise<boolean> {
  checkDay(day);
  return runCommand(ctx, { permission: 'policy.write' }, async ({ tx, audit, now }) => {
    const before = await tx.deleteFrom('calendar_overrides').where('day', '=', day).returning(['off', 'name']).executeTakeFirst();
    if (!before) return false;
    await audit({ entity: 'calendar_day', entityId: day, action: 'remove_override', before });
    await reprojectForCalendarDay(tx, day, now);
    return true;
  });
}

export async function declareYear(ctx: CommandContext, year: number): Promise<void> {
  await runCommand(ctx, { permission: 'policy.write' }, async ({ tx, audit }) => {
    await tx
      .insertInto('calendar_years')
      .values({ year, declared_by: ctx.actor?.id ?? null })
      .onConflict((oc) => oc.column('year').doNothing())
      .execute();
    await audit({ entity: 'calendar_year', entityId: year, action: 'declare' });
  });
}
