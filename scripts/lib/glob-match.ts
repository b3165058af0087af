/**
 * The subset of electron-builder's (minimatch) file patterns our config uses: `**` for any
 * depth, `*` within one path segment, `{a,b}` alternatives, a leading `!` to exclude.
 */
export function globToRegExp(pattern: string): RegExp {
  let re = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i] as string;
    if (c === '*' && pattern[i + 1] === '*') {
      const slash = pattern[i + 2] === '/';
      re += slash ? '(?:.*/)?' : '.*';
      i += slash ? 2 : 1;
    } else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else if (c === '{') re += '(?:';
    else if (c === '}') re += ')';
    else if (c === ',') re += '|';
    else re += c.replace(/[.+^$()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

/** Whether a file set (electron-builder `files`) takes `file`: the last pattern that matches decides. */
export function fileSetIncludes(patterns: readonly string[], file: string): boolean {
  let included = false;
  for (const p of patterns) {
    const negated = p.startsWith('!');
    if (globToRegExp(negated ? p.slice(1) : p).test(file)) included = !negated;
  }
  return included;
}

/** Expands electron-builder's `${platform}`, `${os}` and `${arch}` macros for one target. */
export function expandTargetMacros(pattern: string, t: { platform: string; arch: string }): string {
  const os = t.platform === 'win32' ? 'win' : t.platform === 'darwin' ? 'mac' : t.platform;
  const values: Record<string, string> = { platform: t.platform, os, arch: t.arch };
  return pattern.replace(/\$\{(platform|os|arch)\}/g, (_m, name: string) => values[name] ?? '');
}
