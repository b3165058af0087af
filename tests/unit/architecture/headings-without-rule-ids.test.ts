import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../../..');

function tsxFiles(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir)).flatMap((name) => {
    const rel = path.join(dir, name);
    if (statSync(path.join(ROOT, rel)).isDirectory()) return tsxFiles(rel);
    return name.endsWith('.tsx') ? [rel] : [];
  });
}

const RULE_ID = /\b(R-[A-Z]+(?:-[A-Z]+)*|ST-EPC-\d{2}-\d{3})\b/;

describe('rule ids live in details lines, not in headings', () => {
  it('no heading or dialog title of the renderer names a rule id', () => {
    const offenders = tsxFiles('src/renderer').flatMap((file) => {
      const text = readFileSync(path.join(ROOT, file), 'utf8');
      const headings = [...text.matchAll(/<h[1-4][^>]*>([\s\S]*?)<\/h[1-4]>/g)].map(
        (m) => m[1] ?? '',
      );
      const titles = [...text.matchAll(/\btitle="([^"]*)"/g)].map((m) => m[1] ?? '');
      return [...headings, ...titles]
        .filter((t) => RULE_ID.test(t))
        .map((t) => `${file}: ${t.trim().slice(0, 60)}`);
    });
    expect(offenders).toEqual([]);
  });

  it('no Chinese text of the renderer names a rule id: ids go in the RuleDetails line', () => {
    const offenders = tsxFiles('src/renderer').flatMap((file) => {
      const code = readFileSync(path.join(ROOT, file), 'utf8')
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/^\s*\/\/.*$/gm, '');
      const jsxTexts = [...code.matchAll(/>([^<>{}]+)</g)].map((m) => m[1] ?? '');
      const literals = [...code.matchAll(/'([^'\n]*)'|`([^`]*)`|"([^"\n]*)"/g)].map(
        (m) => m[1] ?? m[2] ?? m[3] ?? '',
      );
      return [...jsxTexts, ...literals]
        .filter((t) => /[\u4e00-\u9fff]/.test(t) && RULE_ID.test(t))
        .map((t) => `${file}: ${t.trim().slice(0, 60)}`);
    });
    expect(offenders).toEqual([]);
  });
});
