import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Browser, chromium } from '@playwright/test';
import { ensureRendererBuilt } from '../../scripts/lib/processes';
import { type BenchRow, percentiles } from './table';

const ROOT = path.resolve(import.meta.dirname, '../..');
const RUNS = Number(process.env.BENCH_START_RUNS ?? 5);

/** Milliseconds since spawning `npm start`'s script, for one start. */
interface StartSample {
  /** The server answers: the page can be loaded (BROWSER_LISTENING, or BROWSER_READY before it existed). */
  listening: number;
  /** First contentful paint of the page opened at `listening`. */
  paint: number;
  /** The log-in form is on screen and can be typed into. */
  loginShown: number;
  /** The services behind it (sandbox, database, …) answer: BROWSER_READY. */
  ready: number;
  /** The start script's own account: phase → its own ms (STARTUP_PHASES). */
  phases: Record<string, number>;
}

/** One `npm start --browser` on `dir`, the page opened as soon as the server listens. */
async function startOnce(browser: Browser, dir: string): Promise<StartSample> {
  const t0 = performance.now();
  const child = spawn(process.execPath, ['scripts/launch.mjs', '--browser'], {
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
  const exited = new Promise((resolve) => child.once('exit', resolve));
  let out = '';
  const seen = (pattern: RegExp) =>
    new Promise<{ match: RegExpExecArray; at: number }>((resolve, reject) => {
      const look = () => {
        const match = pattern.exec(out);
        if (match) resolve({ match, at: performance.now() - t0 });
        return match;
      };
      if (look()) return;
      child.stdout.on('data', look);
      void exited.then(() => reject(new Error(`start exited before ${pattern}:\n${out}`)));
    });
  child.stdout.on('data', (c: Buffer) => {
    out += c.toString();
  });
  try {
    const up = await seen(/BROWSER_(?:LISTENING|READY) (\S+)/);
    const page = await browser.newPage();
    const navigationStart = performance.now() - t0;
    await page.goto(up.match[1] ?? '');
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
    const loginShown = performance.now() - t0;
    const ready = await seen(/BROWSER_READY /);
    await page.close();
    const phaseLine = (await seen(/STARTUP_PHASES (.*)/)).match[1] ?? '';
    const phases = Object.fromEntries(
      phaseLine.split(' ').map((kv) => {
        const [k, v] = kv.split('=');
        return [k ?? '', Number(v)];
      }),
    );
    return {
      listening: up.at,
      paint: navigationStart + fcp,
      loginShown,
      ready: ready.at,
      phases,
    };
  } finally {
    child.kill('SIGTERM');
    await exited;
  }
}

const median = (samples: StartSample[], pick: (s: StartSample) => number) =>
  percentiles(samples.map(pick)).median;

/**
 * Cold start of browser mode: from spawning `npm start`'s script (sandbox center included,
 * renderer already built) to the login screen's first contentful paint in Chromium, on a fresh
 * data folder and again on the same folder (what a pharmacy sees every morning). The page is
 * opened as soon as the server listens, as a pharmacist's browser would be.
 */
export async function benchColdStart(runs = RUNS): Promise<BenchRow[]> {
  await ensureRendererBuilt();
  execFileSync(process.execPath, ['scripts/launch.mjs', '--bundle-only'], { cwd: ROOT });
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
    const phaseNames = Object.keys(samples[0]?.phases ?? {});
    const where = phaseNames
      .map((p) => `${p} ${median(samples, (s) => s.phases[p] ?? 0).toFixed(0)}`)
      .join(', ');
    rows.push(
      {
        area: '启动',
        name: `browser mode listening (spawn → page can load), ${label}, median`,
        value: median(samples, (s) => s.listening),
        unit: 'ms',
        note: `${runs} runs`,
      },
      {
        area: '启动',
        name: `cold start to first paint (spawn → FCP), ${label}, median`,
        value: median(samples, (s) => s.paint),
        unit: 'ms',
        note: `max ${Math.max(...samples.map((s) => s.paint)).toFixed(0)} ms`,
        target: { op: '≤', limit },
      },
      {
        area: '启动',
        name: `log-in form on screen (spawn → form shown), ${label}, median`,
        value: median(samples, (s) => s.loginShown),
        unit: 'ms',
        note: 'the form can be typed into; log-in itself waits for the services',
        target: { op: '≤', limit },
      },
      {
        area: '启动',
        name: `services ready (spawn → BROWSER_READY), ${label}, median`,
        value: median(samples, (s) => s.ready),
        unit: 'ms',
        note: `phases, medians in ms: ${where}. imports = process start → start script (node, launcher's source check, bundle); renderer = build check; listening = host module + listen; sandbox (its own process) and modules (services' code) run side by side after listening; then database (lock, open, migrations), demoStaff, services`,
      },
    );
  }
  return rows;
}
