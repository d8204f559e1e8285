// Password policy and account lockout (R-ORG-01, R-SYS-04): policy data, not constants — the
// values below are the shipped default of the password-policy document; the server reads the one
// in force and passes it here. Pure: no clock (callers pass `now`), no database.
//
// The checks follow NIST SP 800-63B rather than composition rules: a minimum length, a list of
// passwords known to be chosen first, nothing built from the account's own name or the product's,
// no trivial run — and an upper bound so a sign-in cannot be made to hash megabytes.
import { COMMON_PASSWORDS } from './common-passwords';

export interface LockoutPolicy {
  /** consecutive failed sign-ins that lock the account */
  maxFailures: number;
  /** how long the lock lasts; an administrator may lift it earlier */
  lockMinutes: number;
}

export interface PasswordPolicy {
  minLength: number;
  maxLength: number;
  /** passwords refused whatever their length, compared case-insensitively */
  bannedPasswords: readonly string[];
  /** words a password may not contain (besides the username), e.g. the product's or company's name */
  bannedWords: readonly string[];
  lockout: LockoutPolicy;
}

/**
 * The default: at least 8 characters, not on the list, not containing the username or the product
 * name; five wrong passwords in a row lock the account for 15 minutes (so a sixth try, and a
 * seventh with the right password, are refused).
 */
export const DEFAULT_PASSWORD_POLICY: PasswordPolicy = {
  minLength: 8,
  maxLength: 128,
  bannedPasswords: COMMON_PASSWORDS,
  bannedWords: ['griddesk'],
  lockout: { maxFailures: 5, lockMinutes: 15 },
};

/** Why a password is refused; `rule` is stable for tests and clients, the reasons are for people. */
export interface PasswordProblem {
  rule: 'required' | 'too_short' | 'too_long' | 'common' | 'contains_username' | 'contains_banned_word' | 'trivial' | 'same_as_current';
  reason: string;
  reasonZh: string;
}

export interface PasswordContext {
  username: string;
  /** the password being replaced, when known: a change must change something */
  current?: string | undefined;
}

const normalise = (s: string) => s.normalize('NFKC').toLowerCase();

/** Counts characters as a person sees them (an emoji or a CJK character is one). */
const lengthOf = (s: string) => [...s.normalize('NFKC')].length;

/** A single repeated character, or a run up or down the alphabet or the digits: aaaaaaaa, 12345678, hgfedcba. */
function isTrivialRun(p: string): boolean {
  const cps = [...p].map((c) => c.codePointAt(0)!);
  if (cps.length < 2) return true;
  const step = cps[1]! - cps[0]!;
  if (Math.abs(step) > 1) return false;
  return cps.every((c, i) => i === 0 || c - cps[i - 1]! === step);
}

/** The password without trailing digits and symbols: "password2024!" → "password". */
function stem(p: string): string {
  return p.replace(/[^\p{L}]+$/u, '');
}

/** Every reason the policy refuses `password`; an empty list means it is acceptable. */
export function checkPassword(password: string, ctx: PasswordContext, policy: PasswordPolicy = DEFAULT_PASSWORD_POLICY): PasswordProblem[] {
  if (password.length === 0) return [{ rule: 'required', reason: 'is required', reasonZh: '必填' }];
  const problems: PasswordProblem[] = [];
  const len = lengthOf(password);
  if (len < policy.minLength) {
    problems.push({ rule: 'too_short', reason: `must have at least ${policy.minLength} characters`, reasonZh: `至少 ${policy.minLength} 个字符` });
  }
  if (len > policy.maxLength) {
    problems.push({ rule: 'too_long', reason: `must have at most ${policy.maxLength} characters`, reasonZh: `最多 ${policy.maxLength} 个字符` });
  }
  const p = normalise(password);
  const banned = new Set(policy.bannedPasswords.map(normalise));
  const s = stem(p);
  if (banned.has(p) || (s.length >= 4 && banned.has(s))) {
    problems.push({
      rule: 'common',
      reason: 'is one of the most common passwords and is tried first by attackers',
      reasonZh: '属于最常见的密码，容易被猜中',
    });
  } else if (isTrivialRun(p)) {
    problems.push({ rule: 'trivial', reason: 'is a single repeated character or a simple sequence', reasonZh: '是重复字符或简单序列' });
  }
  const user = normalise(ctx.username.trim());
  if (user.length >= 3 && p.includes(user)) {
    problems.push({ rule: 'contains_username', reason: 'must not contain the username', reasonZh: '不能包含用户名' });
  }
  const word = policy.bannedWords.map(normalise).find((w) => w.length >= 3 && p.includes(w));
  if (word) {
    problems.push({ rule: 'contains_banned_word', reason: `must not contain "${word}"`, reasonZh: `不能包含“${word}”` });
  }
  if (ctx.current !== undefined && ctx.current === password) {
    problems.push({ rule: 'same_as_current', reason: 'must differ from the current password', reasonZh: '不能与当前密码相同' });
  }
  return problems;
}

/** What a person is told before typing: the rules in force, in both languages. */
export function describePasswordPolicy(policy: PasswordPolicy = DEFAULT_PASSWORD_POLICY): { zh: string[]; en: string[] } {
  return {
    zh: [
      `至少 ${policy.minLength} 个字符（最多 ${policy.maxLength} 个）`,
      '不能使用常见密码（如 123456、woaini1314、qwerty）或简单序列',
      `不能包含用户名${policy.bannedWords.length ? `或“${policy.bannedWords.join('”“')}”` : ''}`,
      `连续 ${policy.lockout.maxFailures} 次输错密码，账号将锁定 ${policy.lockout.lockMinutes} 分钟`,
    ],
    en: [
      `At least ${policy.minLength} characters (at most ${policy.maxLength})`,
      'Not a common password (such as 123456, woaini1314, qwerty) or a simple sequence',
      `Not containing the username${policy.bannedWords.length ? ` or "${policy.bannedWords.join('", "')}"` : ''}`,
      `${policy.lockout.maxFailures} wrong passwords in a row lock the account for ${policy.lockout.lockMinutes} minutes`,
    ],
  };
}

/** An account's sign-in failures as stored. */
export interface LockState {
  failedLogins: number;
  lockedUntil: Date | null;
}

export function isLocked(state: Pick<LockState, 'lockedUntil'>, now: Date): boolean {
  return state.lockedUntil !== null && state.lockedUntil.getTime() > now.getTime();
}

/**
 * The state after one more wrong password. A lock that has run out starts the count again; the
 * failure that reaches `maxFailures` locks the account and clears the count, so after the lock
 * the account gets the full number of tries again.
 */
export function afterFailedLogin(state: LockState, now: Date, policy: LockoutPolicy): LockState & { lockedNow: boolean } {
  if (isLocked(state, now)) return { ...state, lockedNow: false };
  const failures = (state.lockedUntil === null ? state.failedLogins : 0) + 1;
  if (failures >= policy.maxFailures) {
    return { failedLogins: 0, lockedUntil: new Date(now.getTime() + policy.lockMinutes * 60_000), lockedNow: true };
  }
  return { failedLogins: failures, lockedUntil: null, lockedNow: false };
}

/** Problems of a password policy an administrator wants to publish (field, reason). */
export function checkPasswordPolicy(value: unknown): { field: string; reason: string; reasonZh: string }[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return [{ field: 'policy', reason: 'must be an object', reasonZh: '须为对象' }];
  }
  const v = value as Record<string, unknown>;
  const problems: { field: string; reason: string; reasonZh: string }[] = [];
  const int = (field: string, x: unknown, min: number, max: number) => {
    if (typeof x !== 'number' || !Number.isInteger(x) || x < min || x > max) {
      problems.push({ field, reason: `must be a whole number from ${min} to ${max}`, reasonZh: `须为 ${min} 至 ${max} 的整数` });
    }
  };
  int('minLength', v.minLength, 6, 64);
  int('maxLength', v.maxLength, 16, 1024);
  if (typeof v.minLength === 'number' && typeof v.maxLength === 'number' && v.maxLength < v.minLength) {
    problems.push({ field: 'maxLength', reason: 'must not be below minLength', reasonZh: '不能小于最小长度' });
  }
  for (const key of ['bannedPasswords', 'bannedWords'] as const) {
    const list = v[key];
    if (!Array.isArray(list) || list.some((x) => typeof x !== 'string' || x.length === 0)) {
      problems.push({ field: key, reason: 'must be a list of non-empty texts', reasonZh: '须为非空文本的列表' });
    }
  }
  const lockout = v.lockout as Record<string, unknown> | undefined;
  if (typeof lockout !== 'object' || lockout === null) {
    problems.push({ field: 'lockout', reason: 'is required', reasonZh: '必填' });
  } else {
    int('lockout.maxFailures', lockout.maxFailures, 3, 100);
    int('lockout.lockMinutes', lockout.lockMinutes, 1, 24 * 60);
  }
  return problems;
}
