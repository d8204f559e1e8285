import { describe, expect, it } from 'vitest';
import { checkAttachmentLimits, checkRateLimits, DEFAULT_ATTACHMENT_LIMITS, DEFAULT_RATE_LIMITS, pickRateLimits } from './limits';

describe('R-SYS-04 rate and attachment limits are policy data', () => {
  it('the shipped defaults pass their own checks', () => {
    expect(checkRateLimits(DEFAULT_RATE_LIMITS)).toEqual([]);
    expect(checkAttachmentLimits(DEFAULT_ATTACHMENT_LIMITS)).toEqual([]);
  });

  it.each([
    [{ ...DEFAULT_RATE_LIMITS, loginPerMinute: 0 }, 'definition.loginPerMinute'],
    [{ ...DEFAULT_RATE_LIMITS, billQueryPerMinute: 2.5 }, 'definition.billQueryPerMinute'],
    [{ ...DEFAULT_RATE_LIMITS, portalTrackPerMinute: '60' }, 'definition.portalTrackPerMinute'],
  ])('a bad rate limit names its field: %j', (def, field) => {
    const problems = checkRateLimits(def);
    expect(problems.map((p) => p.field)).toEqual([field]);
    expect(problems[0]!.reasonZh).toMatch(/整数/);
  });

  it('an attachment limit below 1 KiB or above 100 MiB is refused', () => {
    expect(checkAttachmentLimits({ maxBytes: 10, maxPerCase: 5 }).map((p) => p.field)).toEqual(['definition.maxBytes']);
    expect(checkAttachmentLimits({ maxBytes: 200 * 1024 * 1024, maxPerCase: 5 }).map((p) => p.field)).toEqual(['definition.maxBytes']);
  });

  it('stored limits keep exactly their fields', () => {
    expect(pickRateLimits({ ...DEFAULT_RATE_LIMITS, extra: 1 })).toEqual(DEFAULT_RATE_LIMITS);
  });
});
