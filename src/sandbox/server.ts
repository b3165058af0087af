import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ensureInstitutionCerts } from './ca/ca-admin';
import { CA_ROUTE_PREFIX, handleCaRoute } from './ca/ca-routes';
import { currentCrl } from './ca/crl-store';
import { SandboxClock } from './clock';
import { loadSandboxConfig, type SandboxConfig } from './config';
import { handleExtraControl } from './control-extra';
import { openSandboxDb, type SandboxDb } from './db';
import { EpcFreshness } from './epc/freshness';
import { handleEpc } from './epc/gateway';
import { HeldRequests } from './fault-effects';
import { FaultStore, faultInput } from './faults';
import { handleFsi } from './fsi/gateway';
import { TifChecker } from './fsi/tif-check';
import { handleHospitalPage } from './hospital/page';
import { seedDemoPrescriptions } from './hospital/seed-prescriptions';
import {
  BodyTooLargeError,
  isLoopbackAddress,
  isLoopbackHost,
  readBody,
  sendJson,
} from './http-util';
import { seedSandbox } from './seed';
import { handleSettlementReads } from './settlement/read-routes';

export interface SandboxOptions {
  /** 0 = any free port. */
  port?: number;
  dbFile: string;
  /** A credential file in the config/sandbox.json format; default: the built-in copy of it. */
  configFile?: string;
  /** better-sqlite3 binary for another ABI (Electron). */
  nativeBinding?: string;
  /** Seed the demo patients on first start (default true). */
  seed?: boolean;
  /** Create the demo prescriptions on first start (default: same as `seed`). */
  demoPrescriptions?: boolean;
  /**
   * Return once the center accepts requests and create the demo prescriptions afterwards
   * (`demoSeeded` settles when done): `npm start` shows the first screen sooner (issue 20).
   */
  demoPrescriptionsAfterReady?: boolean;
  log?: (line: string) => void;
  /** Overrides `fsi.signInValidHours` of the config (tests: a sign-in that ends in seconds). */
  signInValidHours?: number;
}

export interface RunningSandbox {
  url: string;
  port: number;
  db: SandboxDb;
  config: SandboxConfig;
  faults: FaultStore;
  /** The center's business clock (POST /x/sandbox/clock sets its offset). */
  clock: SandboxClock;
  /** Settles once the demo prescriptions are created (at once when none are to be). */
  demoSeeded: Promise<void>;
  close(): Promise<void>;
}

/** Starts the sandbox center on 127.0.0.1 (FSI gateway, e-prescription center, control routes). */
export async function startSandbox(opts: SandboxOptions): Promise<RunningSandbox> {
  const log = opts.log ?? (() => {});
  const loaded = loadSandboxConfig(opts.configFile);
  const config =
    opts.signInValidHours === undefined
      ? loaded
      : { ...loaded, fsi: { ...loaded.fsi, signInValidHours: opts.signInValidHours } };
  const db = openSandboxDb(opts.dbFile, opts.nativeBinding);
  if (opts.seed !== false) {
    const { seededPatients } = seedSandbox(db, config);
    if (seededPatients > 0) log(`已写入 ${seededPatients} 名演示参保人`);
  }
  const issued = ensureInstitutionCerts(db, config);
  if (issued > 0) log(`沙箱 CA 已为 ${issued} 家医院签发签名证书`);
  currentCrl(db, config);
  const faults = new FaultStore(db);
  const held = new HeldRequests();
  const clock = new SandboxClock();
  const deps = {
    db,
    config,
    faults,
    held,
    clock,
    log,
    tif: new TifChecker(db, config),
    epcFreshness: new EpcFreshness(config.epc.timestampWindowSeconds),
  };
  let baseUrl = '';
  const startedAt = new Date();

  /** Whether the first-start demo prescriptions are done (health says so: they may come later). */
  let demoReady = false;
  const route = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://sandbox.invalid');
    const path = url.pathname;
    if (path.startsWith('/x/sandbox/') || path === '/x/hospital' || path.startsWith('/x/hospital/'))
      return control(req, res, path);
    if (path.startsWith(CA_ROUTE_PREFIX) && req.method === 'GET') {
      return handleCaRoute(path, url.searchParams, res, deps);
    }
    if (req.method !== 'POST') {
      sendJson(res, 405, { code: 405, message: '仅支持 POST' });
      return;
    }
    const text = await readBody(req);
    if (path === config.fsi.path) return handleFsi(req, res, text, deps);
    if (path.startsWith(config.epc.pathPrefix)) {
      return handleEpc(path.slice(config.epc.pathPrefix.length), res, text, deps);
    }
    sendJson(res, 404, { code: 404, message: `沙箱中心没有此路径：${path}` });
  };

  /** Control routes: loopback clients only, with a loopback Host (no DNS rebinding). */
  const control = async (
    req: IncomingMessage,
    res: ServerResponse,
    path: string,
  ): Promise<void> => {
    const origin = req.headers.origin;
    if (
      !isLoopbackAddress(req.socket.remoteAddress) ||
      !isLoopbackHost(req.headers.host) ||
      (origin !== undefined && !isLoopbackHost(origin.replace(/^https?:\/\//, '')))
    ) {
      sendJson(res, 403, { code: 403, message: '沙箱控制接口只接受本机访问' });
      return;
    }
    if (path === '/x/hospital' || path.startsWith('/x/hospital/')) {
      return handleHospitalPage(req, res, path, { ...deps, baseUrl: () => baseUrl });
    }
    if (await handleExtraControl(req, res, path, deps)) return;
    if (handleSettlementReads(req, res, path, db)) return;
    if (path === '/x/sandbox/health' && req.method === 'GET') {
      const patients = (db.prepare('SELECT COUNT(*) AS n FROM patients').get() as { n: number }).n;
      sendJson(res, 200, {
        status: 'ok',
        name: '医保中心沙箱',
        startedAt: startedAt.toISOString(),
        fsiPath: config.fsi.path,
        epcPathPrefix: config.epc.pathPrefix,
        patients,
        demoPrescriptionsReady: demoReady,
        faults: faults.list(),
      });
      return;
    }
    if (path === '/x/sandbox/faults') {
      if (req.method === 'GET') return sendJson(res, 200, { faults: faults.list() });
      if (req.method === 'DELETE') return sendJson(res, 200, { cleared: faults.clear() });
      if (req.method === 'POST') {
        let parsed: unknown;
        try {
          parsed = JSON.parse(await readBody(req, 64 * 1024));
        } catch {
          return sendJson(res, 400, { code: 400, message: '故障规则应为 JSON 对象' });
        }
        const input = faultInput.safeParse(parsed);
        if (!input.success) {
          const message = input.error.issues
            .map((i) => `${i.path.join('.') || '规则'}：${i.message}`)
            .join('；');
          return sendJson(res, 400, { code: 400, message: `故障规则无效：${message}` });
        }
        const rule = faults.add(input.data);
        log(`故障注入：${rule.target} ${rule.kind}（${rule.phase}）${rule.remaining ?? '不限'}次`);
        return sendJson(res, 201, rule);
      }
    }
    sendJson(res, 404, { code: 404, message: `沙箱控制接口没有此路径：${req.method} ${path}` });
  };

  const server = createServer((req, res) => {
    route(req, res).catch((err: unknown) => {
      if (err instanceof BodyTooLargeError) {
        sendJson(res, 413, { code: 413, message: err.message });
        return;
      }
      log(`沙箱内部错误：${err instanceof Error ? err.stack : String(err)}`);
      sendJson(res, 500, { code: 500, message: '沙箱中心内部错误' });
    });
  });
  server.keepAliveTimeout = 5_000;

  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(opts.port ?? 0, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (err) {
    db.close();
    throw err;
  }
  const port = (server.address() as AddressInfo).port;
  baseUrl = `http://127.0.0.1:${port}`;
  const seedDemo = async () => {
    try {
      const created = await seedDemoPrescriptions(db, config, baseUrl);
      if (created.length > 0) log(`已通过电子处方中心开具 ${created.length} 张演示处方`);
    } catch (err) {
      log(`演示处方写入失败：${err instanceof Error ? err.message : String(err)}`);
    } finally {
      demoReady = true;
    }
  };
  let demoSeeded = Promise.resolve();
  demoReady = true;
  if (opts.demoPrescriptions ?? opts.seed !== false) {
    demoReady = false;
    demoSeeded = seedDemo();
    if (!opts.demoPrescriptionsAfterReady) await demoSeeded;
  }

  let closing: Promise<void> | undefined;
  return {
    url: baseUrl,
    port,
    db,
    config,
    faults,
    clock,
    demoSeeded,
    close() {
      // Seeding goes through this server and writes to this database: let it finish first.
      closing ??= demoSeeded.then(
        () =>
          new Promise<void>((resolve) => {
            held.releaseAll();
            server.close(() => {
              db.close();
              resolve();
            });
            server.closeAllConnections();
          }),
      );
      return closing;
    },
  };
}
