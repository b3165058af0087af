import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/** A test title and the requirement ids it names at its end, e.g. `… [R-SIGN][ST-EPC-02-008]`. */
export interface TaggedTest {
  file: string;
  title: string;
  tags: string[];
}

const TEST_FILE = /\.(test|spec)\.tsx?$/;
const TITLE =
  /\b(?:it|test)(?:\.(?:each\([^)]*\)|concurrent|serial|fails))?\(\s*(['"`])((?:(?!\1)[\s\S])*?)\1/g;
const TAG = /\[((?:R-[A-Z0-9]+(?:-[A-Z0-9]+)*)|(?:ST-EPC-\d{2}-\d{3}))\]/g;

function testFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : testFiles(path);
    return TEST_FILE.test(entry.name) ? [path] : [];
  });
}

/** Every test title under `testsDir` that names at least one requirement id. */
export function taggedTests(root: string, testsDir = 'tests'): TaggedTest[] {
  return testFiles(join(root, testsDir)).flatMap((path) => {
    const text = readFileSync(path, 'utf8');
    const found: TaggedTest[] = [];
    for (const match of text.matchAll(TITLE)) {
      const title = match[2] ?? '';
      const tags = [...title.matchAll(TAG)].map((tag) => tag[1] ?? '');
      if (tags.length > 0) found.push({ file: relative(root, path), title, tags });
    }
    return found;
  });
}

/** Rule ids named in policy-rules.md (tables and bold list items). */
export function ruleIdsOfSpec(markdown: string): string[] {
  const ids = new Set<string>();
  for (const match of markdown.matchAll(/^\|\s*(R-[A-Z0-9-]+)\s*\|/gm)) ids.add(match[1] ?? '');
  return [...ids].sort();
}

export const CHECKLIST_ITEMS = Array.from(
  { length: 13 },
  (_, index) => `ST-EPC-02-${String(index + 1).padStart(3, '0')}`,
);
