import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { BodyTooLargeError, readCappedBody } from '../center/capped-body';
import { loadTrustStore, parseCrlBytes, type TrustStore } from '../center/rx/trust-store';
import { MAX_CRL_BYTES, type ParsedCrl, verifyCrl } from '../center/x509';
import type { Logger } from './logger';

const FETCH_TIMEOUT_MS = 5_000;

export interface CrlRefresh {
  state: 'updated' | 'unchanged' | 'unreachable' | 'rejected';
  message: string;
}

/**
 * The trust store of prescription signatures (CA files + the CA's revocation list, center-protocol
 * §3), kept on disk so verification works offline. A CRL fetched from the center is accepted only
 * when a trusted CA signed it and it is newer than the cached one, and is written atomically
 * (temp file + rename). The store is read once and re-read only after an update.
 */
export function createCrlCache(deps: {
  caFiles: readonly string[];
  crlUrl: string | null;
  crlDir: string;
  log: Logger;
}) {
  let loaded: TrustStore | null = null;

  function trustStore(): TrustStore {
    if (!loaded) {
      loaded = loadTrustStore({ caFiles: deps.caFiles, crlDir: deps.crlDir });
      for (const w of loaded.warnings) deps.log.warn(w);
    }
    return loaded;
  }

  async function refresh(): Promise<CrlRefresh> {
    if (!deps.crlUrl) return { state: 'unchanged', message: '未配置吊销列表地址，使用本地缓存' };
    let bytes: Uint8Array;
    try {
      const res = await fetch(deps.crlUrl, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) });
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      bytes = await readCappedBody(res, MAX_CRL_BYTES);
    } catch (err) {
      if (err instanceof BodyTooLargeError) {
        const mb = MAX_CRL_BYTES / (1024 * 1024);
        return { state: 'rejected', message: `医保中心返回的证书吊销列表超过 ${mb} MB，已拒收` };
      }
      deps.log.warn(`吊销列表获取失败：${err instanceof Error ? err.message : String(err)}`);
      return { state: 'unreachable', message: '医保中心暂不可达，使用本地缓存的证书吊销列表' };
    }
    let crl: ParsedCrl;
    try {
      crl = parseCrlBytes(bytes);
    } catch {
      return { state: 'rejected', message: '医保中心返回的证书吊销列表无法解析，已拒收' };
    }
    const issuer = trustStore().cas.find((ca) => verifyCrl(crl, ca));
    if (!issuer) {
      return { state: 'rejected', message: '证书吊销列表不是受信任的 CA 签发的，已拒收' };
    }
    const cached = trustStore().crls.find((c) => c.issuerDn === crl.issuerDn);
    if (cached && cached.thisUpdate.getTime() >= crl.thisUpdate.getTime()) {
      return { state: 'unchanged', message: '证书吊销列表已是最新' };
    }
    const file = path.join(deps.crlDir, `${issuer.fingerprintHex.slice(0, 16)}.crl`);
    mkdirSync(deps.crlDir, { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, crl.der);
    renameSync(tmp, file);
    loaded = null;
    return { state: 'updated', message: '证书吊销列表已更新' };
  }

  return { refresh, trustStore, cachedCrls: (): readonly ParsedCrl[] => trustStore().crls };
}

export type CrlCache = ReturnType<typeof createCrlCache>;
