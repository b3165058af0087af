import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { ensureRendererBuilt } from '../../scripts/lib/processes';
import { type BenchRow, percentiles } from './table';

const ROOT = path.resolve(import.meta.dirname, '../..');

/**
 * Cold start of browser mode: from spawning `npm start`'s script (sandbox center included, fresh
 * data folder, renderer already built) to the login screen's first contentful paint in Chromium.
 */
export async function benchColdStart(runs = 5): Promise<BenchRow[]> {
  await ensureRendererBuilt();
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-background-networking', '--disable-gpu'],
  });
  const ready: number[] = [];
  const paint: number[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      const dir = mkdtempSync(path.join(os.tmpdir(), 'epc-bench-start-'));
      const t0 = performance.now();
      const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts', '--browser'], {
        cwd: ROOT,
        env: {
          ...process.env,
          PORT: '0',
          SANDBOX_PORT: '0',
          EPC_DATA_DIR: path.join(dir, 'app'),
          SANDBOX_DB: path.join(dir, 'sb.db'),
        },
        stdio: ['ignore', 'pipe', 'ignore'],
      });
      try {
        const url = await new Promise<string>((resolve, reject) => {
          let out = '';
          child.stdout.on('data', (c: Buffer) => {
            out += c.toString();
            const m = /BROWSER_READY (\S+)/.exec(out);
            if (m?.[1]) resolve(m[1]);
          });
          child.once('exit', (code) => reject(new Error(`start exited ${code}`)));
        });
        const tReady = performance.now();
        const page = await browser.newPage();
        await page.goto(url);
        const fcp = await page.evaluate(
          () =>
            new Promise<number>((resolve) => {
              const found = performance.getEntriesByName('first-contentful-paint')[0];
              if (found) return resolve(found.startTime);
              new PerformanceObserver((list) => {
                const e = list.getEntriesByName('first-contentful-paint')[0];
                if (e) resolve(e.startTime);
              }).observe({ type: 'paint', buffered: true });
            }),
        );
        await page.getByTestId('login-username').waitFor();
        ready.push(tReady - t0);
        paint.push(tReady - t0 + fcp);
        await page.close();
      } finally {
        child.kill('SIGTERM');
        await new Promise((r) => child.once('exit', r));
        rmSync(dir, { recursive: true, force: true });
      }
    }
  } finally {
    await browser.close();
  }
  const r = percentiles(ready);
  const p = percentiles(paint);
  return [
    {
      area: '启动',
      name: 'browser mode ready (spawn → listening, sandbox incl.), median',
      value: r.median,
      unit: 'ms',
      note: `${runs} runs`,
    },
    {
      area: '启动',
      name: 'cold start to first paint (spawn → FCP), median',
      value: p.median,
      unit: 'ms',
      note: `max ${Math.max(...paint).toFixed(0)} ms`,
    },
  ];
}
