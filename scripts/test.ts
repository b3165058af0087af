import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './lib/processes';

/**
 * `npm test`: formatter + linter, type-check, unit + integration (vitest), end-to-end
 * (Playwright + Debian Chromium). Every step runs; the run fails if any step failed, and it
 * closes with one line counting the tests of both runners.
 */
const bin = (name: string) => path.join(ROOT, 'node_modules/.bin', name);
const steps: Array<{ name: string; cmd: string; args: string[] }> = [
  { name: '格式与规范 (biome)', cmd: bin('biome'), args: ['check', '--error-on-warnings', '.'] },
  { name: '类型检查 (tsc)', cmd: bin('tsc'), args: ['-p', 'tsconfig.json', '--noEmit'] },
  {
    name: '单元与集成测试 (vitest)',
    cmd: bin('vitest'),
    args: ['run', '--reporter=default', '--reporter=json', '--outputFile=reports/vitest.json'],
  },
  { name: '端到端测试 (playwright)', cmd: bin('playwright'), args: ['test'] },
];

rmSync(path.join(ROOT, 'reports'), { recursive: true, force: true });
const failedSteps: string[] = [];
for (const step of steps) {
  console.log(`\n=== ${step.name} ===`);
  const r = spawnSync(step.cmd, step.args, { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) failedSteps.push(step.name);
}

const counts = { passed: 0, failed: 0, skipped: 0 };
const vitest = readJson(path.join(ROOT, 'reports/vitest.json')) as {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
} | null;
if (vitest) {
  counts.passed += vitest.numPassedTests;
  counts.failed += vitest.numFailedTests;
  counts.skipped += vitest.numPendingTests + vitest.numTodoTests;
}
const e2e = readJson(path.join(ROOT, 'reports/e2e.json')) as {
  stats: { expected: number; unexpected: number; flaky: number; skipped: number };
} | null;
if (e2e) {
  counts.passed += e2e.stats.expected + e2e.stats.flaky;
  counts.failed += e2e.stats.unexpected;
  counts.skipped += e2e.stats.skipped;
}

console.log('');
if (failedSteps.length) console.log(`失败的步骤：${failedSteps.join('、')}`);
if (!vitest || !e2e) failedSteps.push('测试结果缺失');
console.log(`tests: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
process.exit(failedSteps.length || counts.failed ? 1 : 0);

function readJson(file: string): unknown {
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null;
}
