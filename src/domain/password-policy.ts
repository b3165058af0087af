/**
 * The minimum a staff password must meet (first administrator; staff management may extend
 * this list): at least 8 characters with letters and digits, not the demo accounts' password
 * and not the user name itself. Returns every problem, in Chinese, so the form can say them all.
 */
export const MIN_PASSWORD_LENGTH = 8;

/** Published in the README for the sandbox: never acceptable on a real counter. */
const KNOWN_PASSWORDS = new Set(['demo1234']);

export function passwordProblems(password: string, username = ''): string[] {
  const problems: string[] = [];
  if (password.length < MIN_PASSWORD_LENGTH) {
    problems.push(`密码至少 ${MIN_PASSWORD_LENGTH} 位`);
  }
  if (!/[A-Za-z]/.test(password) || !/\d/.test(password)) {
    problems.push('密码须同时包含字母和数字');
  }
  if (KNOWN_PASSWORDS.has(password.toLowerCase())) {
    problems.push('不能使用演示账号的公开密码');
  }
  if (username && password.toLowerCase() === username.trim().toLowerCase()) {
    problems.push('密码不能与用户名相同');
  }
  return problems;
}
