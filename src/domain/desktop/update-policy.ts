/** When the desktop app looks for an update and when it may install one. */

export const UPDATE_CHECK_INTERVAL_MS = 24 * 60 * 60 * 1000;

/** Checked once a day: at start when the last check is a day old (or never was), then daily. */
export function isUpdateCheckDue(lastCheckAt: number | null, now: number): boolean {
  return lastCheckAt === null || now - lastCheckAt >= UPDATE_CHECK_INTERVAL_MS || now < lastCheckAt;
}

/** Compares dotted versions (x.y.z, an optional -pre suffix sorts before the release). */
export function compareVersions(a: string, b: string): number {
  const parse = (v: string) => {
    const [core = '', pre] = v.trim().replace(/^v/, '').split('-', 2);
    return { nums: core.split('.').map((n) => Number.parseInt(n, 10) || 0), pre };
  };
  const x = parse(a);
  const y = parse(b);
  for (let i = 0; i < Math.max(x.nums.length, y.nums.length); i++) {
    const d = (x.nums[i] ?? 0) - (y.nums[i] ?? 0);
    if (d !== 0) return Math.sign(d);
  }
  if (x.pre === y.pre) return 0;
  if (x.pre === undefined) return 1;
  if (y.pre === undefined) return -1;
  return x.pre < y.pre ? -1 : 1;
}

export type InstallDecision = { install: true } | { install: false; reason: string };

/**
 * An update is installed (the app restarts) only when one is downloaded and verified, at the
 * close of a shift or on an explicit request, and never while a settlement or refund waits for
 * the center's answer: a restart then would leave its outcome unknown.
 */
export function decideInstall(state: {
  downloadedVersion: string | null;
  settlementsInProgress: number;
}): InstallDecision {
  if (!state.downloadedVersion) return { install: false, reason: '没有已下载的更新' };
  if (state.settlementsInProgress > 0) {
    return { install: false, reason: '有结算正在等待医保中心答复，结算完成后再安装更新' };
  }
  return { install: true };
}

/**
 * The update feed: the pharmacy's or chain's own HTTPS server (electron-updater's generic
 * provider), never GitHub. Plain http is accepted only on this computer (loopback), for tests.
 * Returns the URL with one trailing slash, or the Chinese refusal.
 */
export function checkFeedUrl(text: string): { url: string } | { refusal: string } {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return { refusal: '更新地址不是有效的网址' };
  }
  const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
    return { refusal: '更新地址必须使用 HTTPS' };
  }
  if (/(^|\.)(github\.com|githubusercontent\.com)$/i.test(url.hostname)) {
    return { refusal: '更新地址须为药店或连锁自己的服务器，不能使用 GitHub' };
  }
  if (url.username || url.password || url.search || url.hash) {
    return { refusal: '更新地址不能包含账号、查询参数或锚点' };
  }
  return { url: url.href.endsWith('/') ? url.href : `${url.href}/` };
}
