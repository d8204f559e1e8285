import { describe, expect, it } from 'vitest';
import { COMMON_PASSWORDS } from './common-passwords';
import {
  DEFAULT_PASSWORD_POLICY,
  afterFailedLogin,
  checkPassword,
  checkPasswordPolicy,
  describePasswordPolicy,
  isLocked,
  type LockState,
  type PasswordProblem,
} from './password-policy';

const rules = (password: string, username = 'zhaolei', current?: string): PasswordProblem['rule'][] =>
  checkPassword(password, { username, current }).map((p) => p.rule);

describe('R-ORG-01 R-SYS-04 password policy (default)', () => {
  it.each<[string, string, PasswordProblem['rule'][]]>([
    // accepted
    ['a long passphrase', 'Huanghe river 2026', []],
    ['eight mixed characters', 'Tq7#pL9w', []],
    ['Chinese characters count as one each', '供电所服务质量好八个字', []],
    // required
    ['empty', '', ['required']],
    // too_short: counted in characters, not bytes
    ['seven characters', 'Tq7#pL9', ['too_short']],
    ['seven CJK characters', '供电所服务质量', ['too_short']],
    // too_long
    ['129 characters', `${'Xy7!'.repeat(32)}z`, ['too_long']],
    // common: the list, in any case, and with digits or symbols appended
    ['123456', '123456', ['too_short', 'common']],
    ['12345678', '12345678', ['common']],
    ['woaini1314', 'woaini1314', ['common']],
    ['qwerty in capitals', 'QWERTY', ['too_short', 'common']],
    ['qwertyuiop', 'qwertyuiop', ['common']],
    ['5201314', '5201314a', ['common']],
    ['1qaz2wsx', '1qaz2wsx', ['common']],
    ['P@ssw0rd', 'P@ssw0rd', ['common']],
    ['password with a year', 'Password2026!', ['common']],
    ['the product name', 'griddesk', ['common', 'contains_banned_word']],
    ['the product name with digits', 'GridDesk123', ['common', 'contains_banned_word']],
    // contains_banned_word: the product name anywhere
    ['the product name inside', 'my-griddesk-key', ['contains_banned_word']],
    // trivial
    ['one repeated character', 'zzzzzzzzzz', ['trivial']],
    ['a run of letters', 'lmnopqrstu', ['trivial']],
    ['a run down', '98765432', ['trivial']],
    // contains_username
    ['the username', 'zhaolei2026', ['contains_username']],
    ['the username in capitals', 'ZhaoLei-2026x', ['contains_username']],
  ])('%s', (_label, password, expected) => {
    expect(rules(password)).toEqual(expected);
  });

  it('a username shorter than three characters is not looked for', () => {
    expect(rules('Tq7#pL9wab', 'ab')).toEqual([]);
  });

  it('same_as_current: a change must change the password', () => {
    expect(rules('Tq7#pL9w', 'zhaolei', 'Tq7#pL9w')).toEqual(['same_as_current']);
    expect(rules('Tq7#pL9w', 'zhaolei', 'Other-pass-1')).toEqual([]);
  });

  it('every problem has an English and a Chinese reason', () => {
    for (const p of checkPassword('griddesk', { username: 'griddesk' })) {
      expect(p.reason).toMatch(/[a-z]/);
      expect(p.reasonZh).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('a stricter policy is data: minimum length and banned words come from the document', () => {
    const strict = { ...DEFAULT_PASSWORD_POLICY, minLength: 12, bannedWords: ['griddesk', 'shifan'] };
    expect(checkPassword('Tq7#pL9w', { username: 'x' }, strict).map((p) => p.rule)).toEqual(['too_short']);
    expect(checkPassword('Shifan-county-77', { username: 'x' }, strict).map((p) => p.rule)).toEqual(['contains_banned_word']);
  });

  it('ships a few hundred common passwords, Chinese-typical ones and the product name among them, lower case and without repeats', () => {
    expect(COMMON_PASSWORDS.length).toBeGreaterThanOrEqual(300);
    expect(COMMON_PASSWORDS).toEqual(expect.arrayContaining(['123456', 'woaini1314', 'qwerty', '5201314', 'a123456', 'griddesk', 'password']));
    expect(new Set(COMMON_PASSWORDS).size).toBe(COMMON_PASSWORDS.length);
    for (const p of COMMON_PASSWORDS) expect(p).toBe(p.toLowerCase());
  });

  it('describes itself in both languages', () => {
    const d = describePasswordPolicy();
    expect(d.zh[0]).toContain('8');
    expect(d.en.join(' ')).toContain('5 wrong passwords in a row lock the account for 15 minutes');
  });
});

describe('R-ORG-01 account lockout (default: 5 failures lock for 15 minutes)', () => {
  const t0 = new Date('2026-03-02T01:00:00Z');
  const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);
  const policy = DEFAULT_PASSWORD_POLICY.lockout;

  it('the fifth failure in a row locks; so the sixth try and a seventh with the right password are refused', () => {
    let s: LockState = { failedLogins: 0, lockedUntil: null };
    const locked: boolean[] = [];
    for (let i = 0; i < 5; i++) {
      const next = afterFailedLogin(s, at(0), policy);
      locked.push(next.lockedNow);
      s = next;
    }
    expect(locked).toEqual([false, false, false, false, true]);
    expect(s).toEqual({ failedLogins: 0, lockedUntil: at(15), lockedNow: true });
    expect(isLocked(s, at(0))).toBe(true); // the sixth try
    expect(isLocked(s, at(1))).toBe(true); // the seventh, with the right password
    expect(isLocked(s, at(15))).toBe(false);
  });

  it('a failure while locked neither counts nor extends the lock', () => {
    const s: LockState = { failedLogins: 0, lockedUntil: at(15) };
    expect(afterFailedLogin(s, at(5), policy)).toEqual({ ...s, lockedNow: false });
  });

  it('after the lock runs out the count starts again from one', () => {
    const s: LockState = { failedLogins: 0, lockedUntil: at(15) };
    expect(afterFailedLogin(s, at(20), policy)).toEqual({ failedLogins: 1, lockedUntil: null, lockedNow: false });
  });

  it.each([
    [3, 3],
    [10, 10],
  ])('with maxFailures %i the account locks on failure %i', (maxFailures, lockOn) => {
    let s: LockState & { lockedNow?: boolean } = { failedLogins: 0, lockedUntil: null };
    let n = 0;
    while (!s.lockedNow) {
      s = afterFailedLogin(s, at(0), { maxFailures, lockMinutes: 1 });
      n++;
    }
    expect(n).toBe(lockOn);
  });
});

describe('checking a password policy an administrator publishes', () => {
  it('accepts the default', () => {
    expect(checkPasswordPolicy(DEFAULT_PASSWORD_POLICY)).toEqual([]);
  });
  it.each([
    [{ minLength: 4 }, 'minLength'],
    [{ maxLength: 8, minLength: 10 }, 'maxLength'],
    [{ bannedPasswords: 'x' }, 'bannedPasswords'],
    [{ lockout: { maxFailures: 1, lockMinutes: 15 } }, 'lockout.maxFailures'],
    [{ lockout: { maxFailures: 5, lockMinutes: 0 } }, 'lockout.lockMinutes'],
  ])('%j names %s', (change, field) => {
    expect(checkPasswordPolicy({ ...DEFAULT_PASSWORD_POLICY, ...change }).map((p) => p.field)).toContain(field);
  });
});
