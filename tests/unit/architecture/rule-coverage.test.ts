import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { taggedTests } from '../../../scripts/lib/rule-tags.js';
import { RULES } from '../../../src/domain/rules.js';

const root = join(import.meta.dirname, '..', '..', '..');

describe('every enforced rule is proven by a test that names it', () => {
  const tests = taggedTests(root);

  it('finds tagged test titles, including template literals and multi-line titles', () => {
    expect(tests.length).toBeGreaterThan(500);
    expect(tests.some((test) => test.file.startsWith('tests/e2e/'))).toBe(true);
  });

  it('each rule id in the registry appears at the end of at least one test title', () => {
    const unproven = Object.keys(RULES).filter(
      (id) => !tests.some((test) => test.tags.includes(id)),
    );
    expect(unproven).toEqual([]);
  });

  it('no test names a rule id the registry does not know (a typo proves nothing)', () => {
    const known = new Set(Object.keys(RULES));
    const unknown = tests.flatMap((test) =>
      test.tags
        .filter((tag) => tag.startsWith('R-') && !known.has(tag))
        .map((tag) => `${tag} in ${test.file}: ${test.title}`),
    );
    expect(unknown).toEqual([]);
  });
});
