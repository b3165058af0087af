import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Browser, chromium } from '@playwright/test';
import { ensureRendererBuilt } from '../../scripts/lib/processes';
import { type BenchRow, percentiles } from './table';

const ROOT = path.resolve(import.meta.dirname, '../..');

interface StartSample {
  ready: number;
  paint: number;
  /** The start script's own account: phase → ms (imports, renderer, sandbox, app). */
  phases: Record<string, number>;
}

/** One `npm start --browser` on `dir`: spawn → BROWSER_READY, and spawn → first contentful paint. */
async function startOnce(browser: Browser, dir: string): Promise<StartSample> {
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
    let out = '';
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (c: Buffer) => {
        out += c.toString();
        const m = /BROWSER_READY (\S+)/.exec(out);
        if (m?.[1]) resolve(m[1]);
      });
      child.once('exit', (code) => reject(new Error(`start exited ${code}`)));
    });
    const ready = performance.now() - t0;
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
    await page.close();
    const phaseLine = /STARTUP_PHASES (.*)/.exec(out)?.[1] ?? '';
    const phases = Object.fromEntries(
      phaseLine.split(' ').map((kv) => {
        const [k, v] = kv.split('=');
        return [k ?? '', Number(v)];
      }),
    );
    return { ready, paint: ready + fcp, phases };
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
}

/**
 * Cold start of browser mode: from spawning `npm start`'s script (sandbox center included,
 * renderer already built) to the login screen's first contentful paint in Chromium, on a fresh
 * data folder and again on the same folder (what a pharmacy sees every morning).
 */
export async function benchColdStart(runs = 5): Promise<BenchRow[]> {
  await ensureRendererBuilt();
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-background-networking', '--disable-gpu'],
  });
  const fresh: StartSample[] = [];
  const existing: StartSample[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      const dir = mkdtempSync(path.join(os.tmpdir(), 'epc-bench-start-'));
      try {
        fresh.push(await startOnce(browser, dir));
        existing.push(await startOnce(browser, dir));
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }
  } finally {
    await browser.close();
  }
  const rows: BenchRow[] = [];
  for (const [label, samples, limit] of [
    ['fresh data folder', fresh, 2_000],
    ['existing data folder', existing, 1_000],
  ] as const) {
    const ready = percentiles(samples.map((s) => s.ready));
    const paint = percentiles(samples.map((s) => s.paint));
    const phaseNames = Object.keys(samples[0]?.phases ?? {});
    const where = phaseNames
      .map((p) => `${p} ${percentiles(samples.map((s) => s.phases[p] ?? 0)).median.toFixed(0)}`)
      .join(', ');
    rows.push(
      {
        area: '启动',
        name: `browser mode ready (spawn → listening, sandbox incl.), ${label}, median`,
        value: ready.median,
        unit: 'ms',
        note: `${runs} runs; medians in ms: ${where}; imports = process start → main (node, tsx, module loading)`,
      },
      {
        area: '启动',
        name: `cold start to first paint (spawn → FCP), ${label}, median`,
        value: paint.median,
        unit: 'ms',
        note: `max ${Math.max(...samples.map((s) => s.paint)).toFixed(0)} ms; of which before ready ${ready.median.toFixed(0)} ms`,
        target: { op: '≤', limit },
      },
    );
  }
  return rows;
}
