/**
 * The staff password policy (docs/decisions.md, "staff password policy"): at least 8
 * characters, letters and digits, not the user's own name, not a password that ships with the
 * app or tops the lists of guessed passwords. Reasons are Chinese, for the form that refuses it;
 * the first administrator of the set-up wizard meets the same policy as every later account.
 */
export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 64;

/** Passwords anybody could guess: the demo password and the commonest letter+digit ones. */
const KNOWN_PASSWORDS: ReadonlySet<string> = new Set([
  'demo1234',
  'admin123',
  'admin1234',
  'password1',
  'passw0rd',
  'abc12345',
  'abcd1234',
  'a1234567',
  'qwer1234',
  'qwerty123',
  '1qaz2wsx',
  'aa123456',
  'a12345678',
  'zxcv1234',
  'yaoshi123',
  'yaodian123',
]);

/** Every reason the password may not be used (empty when it may), so a form can say them all. */
export function passwordProblems(password: string, username = ''): string[] {
  const problems: string[] = [];
  if (password.length < PASSWORD_MIN_LENGTH) problems.push(`密码至少 ${PASSWORD_MIN_LENGTH} 位`);
  if (password.length > PASSWORD_MAX_LENGTH)
    problems.push(`密码不能超过 ${PASSWORD_MAX_LENGTH} 位`);
  if (/\s/.test(password)) problems.push('密码不能含空格');
  if (!/[A-Za-z]/.test(password) || !/\d/.test(password)) problems.push('密码须同时包含字母和数字');
  const lower = password.toLowerCase();
  const name = username.trim().toLowerCase();
  if (name && lower.includes(name)) problems.push('密码不能包含用户名');
  if (KNOWN_PASSWORDS.has(lower)) problems.push('该密码过于常见（含演示密码），请换一个');
  else if (password.length > 0 && new Set(lower).size < 4)
    problems.push('密码重复字符过多，请换一个');
  return problems;
}

/** The first reason the password may not be used, or null when it may. */
export function passwordProblem(password: string, username: string): string | null {
  return passwordProblems(password, username)[0] ?? null;
}
