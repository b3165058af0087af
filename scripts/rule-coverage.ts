/**
 * Prints, for every rule of policy-rules.md and every ST-EPC-02 checklist item, the tests whose
 * titles name it: the "rule id | test that proves it" table a closing note owes the auditors.
 * `npm run rules:coverage [-- --all]` (--all lists every test, not just the first three).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RULES } from '../src/domain/rules.js';
import { CHECKLIST_ITEMS, ruleIdsOfSpec, taggedTests } from './lib/rule-tags.js';

const root = join(import.meta.dirname, '..');
const specPath = join(root, '..', 'shared', 'spec', 'policy-rules.md');
const specIds = existsSync(specPath) ? ruleIdsOfSpec(readFileSync(specPath, 'utf8')) : [];
const ids = [...new Set([...specIds, ...Object.keys(RULES)])].sort();
const tests = taggedTests(root);
const showAll = process.argv.includes('--all');

const rows = [...ids, ...CHECKLIST_ITEMS].map((id) => {
  // The most specific first: a test naming one rule proves it more directly than one naming five.
  const proving = tests
    .filter((test) => test.tags.includes(id))
    .sort((a, b) => a.tags.length - b.tags.length || a.file.localeCompare(b.file));
  const shown = showAll ? proving : proving.slice(0, 3);
  const cell = shown.map((test) => `${test.file}: ${test.title.replace(/\s*(\[[^\]]+\])+$/, '')}`);
  const registered = id.startsWith('R-') && !(id in RULES) ? ' (not in registry)' : '';
  return `| ${id}${registered} | ${proving.length} | ${cell.join('<br>') || '—'} |`;
});

console.log('| rule | tests | test that proves it |\n|---|---|---|');
console.log(rows.join('\n'));
const uncovered = [...ids, ...CHECKLIST_ITEMS].filter(
  (id) => !tests.some((test) => test.tags.includes(id)),
);
console.log(
  `\n${ids.length} rules, ${CHECKLIST_ITEMS.length} checklist items; without a test: ${uncovered.join(', ') || 'none'}`,
);
