import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHECKLIST_ITEMS } from '../../../scripts/lib/rule-tags';
import { SELF_CHECK_ITEMS } from '../../../src/domain/acceptance/self-check-items';
import { RULES } from '../../../src/domain/rules';

const ROOT = path.resolve(import.meta.dirname, '../../..');

function keyFiles(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir)).flatMap((name) => {
    const rel = path.join(dir, name);
    if (statSync(path.join(ROOT, rel)).isDirectory()) return keyFiles(rel);
    return /(^function-keys|-keys)\.ts$/.test(name) ? [rel] : [];
  });
}

/** Every key the app's key tables declare, as written there ('F2', 'Alt+Shift+Q', …). */
const declaredKeys = new Set(
  keyFiles('src/renderer').flatMap((f) =>
    [
      ...readFileSync(path.join(ROOT, f), 'utf8').matchAll(
        /'((?:Ctrl\+|Alt\+|Shift\+)*[A-Z0-9]+)'/g,
      ),
    ].map((m) => m[1] ?? ''),
  ),
);

describe('接入验收自查表 items', () => {
  it('covers ST-EPC-02-001…013 once each, only 013 暂不验收 with the form’s remark, every rule real [ST-EPC-02-013]', () => {
    expect(SELF_CHECK_ITEMS.map((i) => i.id)).toEqual(CHECKLIST_ITEMS);
    for (const i of SELF_CHECK_ITEMS) {
      expect(i.status === '暂不验收', i.id).toBe(i.id === 'ST-EPC-02-013');
      for (const r of i.rules) expect(Object.hasOwn(RULES, r), `${i.id} ${r}`).toBe(true);
    }
    expect(SELF_CHECK_ITEMS.at(-1)?.remark).toBe('未申请和建设渠道应用');
  });

  it('every key an item names as where to find it is a key the app declares [ST-EPC-02-013][ST-EPC-02-004][ST-EPC-02-010][ST-EPC-02-011]', () => {
    const named = SELF_CHECK_ITEMS.flatMap((i) =>
      [...i.where.matchAll(/(?:Ctrl\+|Alt\+|Shift\+)*(?:F\d{1,2}|(?<=\+)[A-Z])\b/g)].map((m) => ({
        id: i.id,
        key: m[0],
      })),
    );
    expect(named.length).toBeGreaterThan(10);
    expect(named.filter((n) => !declaredKeys.has(n.key))).toEqual([]);
  });
});
