import os from 'node:os';
import { sm2NativeAvailable } from '../../src/center/crypto';
import { clearSm2KeyCache } from '../../src/center/crypto/sm2-verify-js';
import { createJsSm3 } from '../../src/center/crypto/sm3-incremental';
import { createBulkVerifier } from '../../src/center/rx/bulk-verify';
import {
  bulkVerifyOnAllCores,
  closeBulkVerifyThreads,
} from '../../src/center/rx/bulk-verify-threads';
import type { RxFile } from '../../src/center/rx/rx-file';
import { createTrustStore } from '../../src/center/rx/trust-store';
import { verifyRxFile } from '../../src/center/rx/verify-rx';
import { clearSignatureCache } from '../../src/center/x509';
import { createPkiFixture } from '../support/pki';
import { buildRxFile, drugLines, layoutPdf } from '../unit/rx/rx-fixture';
import { benchRxFiles } from './rx-bench-files';
import { measureStall, stallRow } from './stall';
import { type BenchRow, type BenchTarget, percentiles } from './table';

const AREA = '处方验签 rx';
const RUNS = 200;
const BULK_ITEMS = 10_000;
const DISTINCT = 2_000;
const INSTITUTIONS = 5;
const NAIVE_BUDGET_MS = 8_000;

const round2 = (v: number) => Math.round(v * 100) / 100;

function timeRuns(fn: () => void, runs: number): { median: number; p99: number } {
  for (let i = 0; i < 5; i++) fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    samples.push(performance.now() - t);
  }
  return percentiles(samples);
}

/** Items per second of `verify` over `items`, stopping after `budgetMs`. */
function throughput(items: readonly unknown[], verify: (x: unknown) => boolean, budgetMs: number) {
  const start = performance.now();
  let n = 0;
  while (n < items.length && performance.now() - start < budgetMs) {
    if (!verify(items[n])) throw new Error(`bench item ${n} did not verify`);
    n++;
  }
  const ms = performance.now() - start;
  return { n, ms, perSecond: (n * 1000) / ms };
}

export async function benchRxVerify(): Promise<BenchRow[]> {
  const pki = createPkiFixture(new Date());
  const trust = createTrustStore([pki.ca.cert], [pki.crls.fresh.crl]);
  const at = pki.now;
  const rows: BenchRow[] = [];
  const row = (name: string, value: number, unit: string, note?: string, target?: BenchTarget) =>
    rows.push({
      area: AREA,
      name,
      value,
      unit,
      ...(note ? { note } : {}),
      ...(target ? { target } : {}),
    });

  // One prescription at the counter: 5 lines, ~20 KB PDF; caches of the chain check cleared
  // before every run, so each run pays parse + CA signature + CRL signature + SM2 + digests.
  const one = buildRxFile(pki.valid, { lines: drugLines(5), pdf: layoutPdf(20 * 1024) });
  const size = `PDF ${Math.round(Buffer.from(one.rx_file, 'base64').length / 1024)} KB，5 行药品`;
  for (const engine of ['native', 'sm-crypto'] as const) {
    const label = engine === 'native' ? 'native' : '纯 JS';
    const t = timeRuns(() => {
      clearSignatureCache();
      if (!verifyRxFile(one, { trust, at, engine }).valid) throw new Error('bench file invalid');
    }, RUNS);
    const note =
      engine === 'native'
        ? `${size}；每次清缓存：证书链+CRL验签+处方验签+摘要${sm2NativeAvailable() ? '' : '（原生不可用，实为纯 JS）'}`
        : `${size}；处方验签用纯 JS（@noble/curves 点运算，Electron 内即此路径），证书/CRL 验签走 x509 模块（Node 下为原生）`;
    row(`单张处方本地验签 中位数（${label}，${RUNS} 次）`, round2(t.median), 'ms', note);
    // Issue 20: the pure-JS path (the desktop app's) is held to 5 ms p99; native keeps 20 ms.
    const target: BenchTarget =
      engine === 'native' ? { op: '<', limit: 20 } : { op: '≤', limit: 5 };
    row(
      `单张处方本地验签 p99（${label}）`,
      round2(t.p99),
      'ms',
      engine === 'native'
        ? `目标 ${target.op} ${target.limit} ms`
        : `目标 ${target.op} ${target.limit} ms；同一医院公钥已见过（柜台上的常态：处方来自少数几家医院），其窗口表与 Z 值已缓存`,
      target,
    );
  }
  // The first prescription of a hospital whose key the counter has not seen (no table yet).
  const cold = timeRuns(() => {
    clearSignatureCache();
    clearSm2KeyCache();
    if (!verifyRxFile(one, { trust, at, engine: 'sm-crypto' }).valid)
      throw new Error('bench file invalid');
  }, RUNS);
  row(
    '单张处方本地验签 p99（纯 JS，首次见到的医院公钥）',
    round2(cold.p99),
    'ms',
    `中位数 ${round2(cold.median)} ms；每次清空公钥缓存（无窗口表，第二次起才建表）`,
  );
  // Inside Electron SM3 is pure JS too (BoringSSL has none): the layout file's digest.
  const pdfBytes = Buffer.from(one.rx_file, 'base64');
  const sm3Js = timeRuns(() => {
    const h = createJsSm3();
    h.update(pdfBytes);
    h.hex();
  }, RUNS);
  row(
    '版式文件 SM3（纯 JS，Electron 内）中位数',
    round2(sm3Js.median),
    'ms',
    `${size}；Node 下为原生 SM3，上面两行不含此项；p99 ${round2(sm3Js.p99)} ms`,
  );

  // Stored prescriptions: DISTINCT distinct signed files from a handful of institutions,
  // cycled to BULK_ITEMS (the bulk path caches per certificate only, never per item).
  const distinct: RxFile[] = benchRxFiles(pki, DISTINCT, INSTITUTIONS);
  const items = Array.from({ length: BULK_ITEMS }, (_, i) => distinct[i % DISTINCT]);

  const naiveJs = throughput(
    items,
    (x) => verifyRxFile(x, { trust, at, engine: 'sm-crypto' }).valid,
    NAIVE_BUDGET_MS,
  );
  const naiveNative = throughput(
    items,
    (x) => verifyRxFile(x, { trust, at, engine: 'native' }).valid,
    NAIVE_BUDGET_MS / 2,
  );
  const bulk = createBulkVerifier({ trust, at });
  const fast = throughput(items, (x) => bulk.verify(x).valid, Number.POSITIVE_INFINITY);
  if (fast.n !== BULK_ITEMS) throw new Error('bulk run incomplete');
  // The same items cloned to worker threads (bulkVerifyOnAllCores): one thread against every
  // core, alternating, both on kept and warmed threads with the counter's thread idle. A reference:
  // the counter re-verifies its stored prescriptions with rx.reverifyAll (bench "rx reverify"),
  // whose threads read them from the database instead of having 27 KB per item cloned to them.
  const threadedRun = async (threads: number) => {
    const started = performance.now();
    const verdicts = await bulkVerifyOnAllCores(items, { trust, at }, { threads });
    if (verdicts.some((v) => !v.valid)) throw new Error('threaded bulk item invalid');
    return performance.now() - started;
  };
  const cores = os.availableParallelism();
  await closeBulkVerifyThreads();
  const firstJobMs = await threadedRun(cores);
  await threadedRun(1);
  const oneThreadRuns: number[] = [];
  const allCoreRuns: number[] = [];
  for (let i = 0; i < 2; i++) {
    oneThreadRuns.push(await threadedRun(1));
    allCoreRuns.push(await threadedRun(cores));
  }
  const threadedMs = Math.min(...allCoreRuns);
  const oneThreadMs = Math.min(...oneThreadRuns);
  const threadedStall = await measureStall(() => threadedRun(cores));
  await closeBulkVerifyThreads();
  const threadedRate = (BULK_ITEMS * 1000) / threadedMs;
  const oneThreadRate = (BULK_ITEMS * 1000) / oneThreadMs;
  const firstJobRate = (BULK_ITEMS * 1000) / firstJobMs;
  const bulkStall = await measureStall(() => {
    const again = createBulkVerifier({ trust, at });
    for (const x of distinct) if (!again.verify(x).valid) throw new Error('bench item invalid');
  });

  const extrapolated = (r: { n: number; perSecond: number }) =>
    r.n < BULK_ITEMS
      ? `限时 ${r.n} 张后按速率外推至 ${BULK_ITEMS.toLocaleString('en-US')} 张`
      : `实测 ${r.n} 张`;
  const desc = `${DISTINCT} 张不同处方×${BULK_ITEMS / DISTINCT} 轮，${INSTITUTIONS} 家机构证书，20 KB PDF`;
  row(
    '批量复验 朴素循环 verifyRxFile（纯 JS）',
    Math.round(naiveJs.perSecond),
    '张/s',
    `${desc}；${extrapolated(naiveJs)}`,
  );
  row(
    '批量复验 朴素循环 1 万张耗时（纯 JS）',
    round2(BULK_ITEMS / naiveJs.perSecond),
    's',
    extrapolated(naiveJs),
  );
  row(
    '批量复验 朴素循环 verifyRxFile（native）',
    Math.round(naiveNative.perSecond),
    '张/s',
    extrapolated(naiveNative),
  );
  row(
    '批量复验 bulk 路径（原生+证书缓存+复用缓冲）',
    Math.round(fast.perSecond),
    '张/s',
    `${desc}；实测 ${fast.n} 张，证书检查 ${bulk.certificatesChecked} 次`,
  );
  row('批量复验 bulk 1 万张耗时', round2(fast.ms / 1000), 's', '实测');
  row(
    '批量复验 加速比 bulk / 朴素（纯 JS）',
    round2(fast.perSecond / naiveJs.perSecond),
    '×',
    '目标 ≥ 5× 是对 sm-crypto 验签（62 张/s）的朴素循环定的；纯 JS 验签改用 @noble/curves 后朴素循环快了约 7 倍',
    { op: '≥', limit: 5 },
  );
  row(
    '批量复验 加速比 bulk / 朴素（native）',
    round2(fast.perSecond / naiveNative.perSecond),
    '×',
    '缓存与缓冲复用本身的收益',
  );
  row(
    `批量复验 全部核心（${cores} 线程，处方克隆到线程）`,
    Math.round(threadedRate),
    '张/s',
    `${desc}；保留的线程，与单个线程交替测 2 轮取最好，含克隆与结果回传`,
  );
  row(
    '批量复验 全部核心 首次（含线程启动）',
    Math.round(firstJobRate),
    '张/s',
    `首次任务含线程启动与模块加载，${round2(firstJobMs / 1000)} s；之后的任务用保留的线程`,
  );
  row(
    '批量复验 全部核心 / 单个线程（处方克隆到线程，参考）',
    round2(threadedRate / oneThreadRate),
    '×',
    `单个线程 ${Math.round(oneThreadRate)} 张/s（同样预热、同一批）；柜台的复验走 rx.reverifyAll（见下方 rx reverify，线程自行读库），此处每张 27 KB 经柜台线程克隆`,
  );
  rows.push(
    await stallRow(
      AREA,
      `bulk re-verification of ${BULK_ITEMS} cloned to all cores (reference)`,
      threadedStall,
      'the counter re-verifies through rx.reverifyAll (judged in rx reverify)',
      { judged: false },
    ),
  );
  // The one-thread loop on the counter's own thread: not a path the counter runs (it
  // re-verifies through rx.reverifyAll), kept to show what the threads spare it.
  rows.push(
    await stallRow(
      AREA,
      `bulk re-verification of ${DISTINCT} prescriptions on one thread (reference)`,
      bulkStall,
      undefined,
      { judged: false },
    ),
  );
  return rows;
}
