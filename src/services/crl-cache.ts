import { existsSync, mkdirSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { type ParsedCrl, parseCertificate, parseCrl, verifyCrl } from '../center/x509';
import { fromPem, type PemLabel } from '../center/x509/pem';
import type { Logger } from './logger';

const FETCH_TIMEOUT_MS = 5_000;

export interface CrlRefresh {
  state: 'updated' | 'unchanged' | 'unreachable' | 'rejected';
  message: string;
}

/**
 * Keeps the CA's revocation list (center-protocol §3) on disk so verification works offline:
 * fetched from the center when it answers, accepted only when a trusted CA signed it and it is
 * not older than the cached one, written atomically (temp file + rename).
 */
export function createCrlCache(deps: {
  caFiles: readonly string[];
  crlUrl: string | null;
  crlDir: string;
  log: Logger;
  readFile: (file: string) => Buffer;
}) {
  const cas = deps.caFiles.map((f) => parseCertificate(derOf(deps.readFile(f), 'CERTIFICATE')));

  async function refresh(): Promise<CrlRefresh> {
    if (!deps.crlUrl) return { state: 'unchanged', message: '未配置吊销列表地址，使用本地缓存' };
    let bytes: Uint8Array;
    try {
      const res = await fetch(deps.crlUrl, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) });
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      bytes = new Uint8Array(await res.arrayBuffer());
    } catch (err) {
      deps.log.warn(`吊销列表获取失败：${err instanceof Error ? err.message : String(err)}`);
      return { state: 'unreachable', message: '医保中心暂不可达，使用本地缓存的证书吊销列表' };
    }
    let crl: ParsedCrl;
    try {
      crl = parseCrl(derOf(Buffer.from(bytes), 'X509 CRL'));
    } catch {
      return { state: 'rejected', message: '医保中心返回的证书吊销列表无法解析，已拒收' };
    }
    const issuer = cas.find((ca) => verifyCrl(crl, ca));
    if (!issuer) {
      return { state: 'rejected', message: '证书吊销列表不是受信任的 CA 签发的，已拒收' };
    }
    const cached = cachedCrls().find((c) => c.issuerDn === crl.issuerDn);
    if (cached && cached.thisUpdate.getTime() >= crl.thisUpdate.getTime()) {
      return { state: 'unchanged', message: '证书吊销列表已是最新' };
    }
    const file = path.join(deps.crlDir, `${issuer.fingerprintHex.slice(0, 16)}.crl`);
    mkdirSync(deps.crlDir, { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, crl.der);
    renameSync(tmp, file);
    return { state: 'updated', message: '证书吊销列表已更新' };
  }

  function cachedCrls(): ParsedCrl[] {
    if (!existsSync(deps.crlDir)) return [];
    const out: ParsedCrl[] = [];
    for (const name of readdirSync(deps.crlDir)) {
      if (!name.endsWith('.crl')) continue;
      try {
        out.push(parseCrl(deps.readFile(path.join(deps.crlDir, name))));
      } catch {
        deps.log.warn(`本地缓存的吊销列表 ${name} 无法解析，已忽略`);
      }
    }
    return out;
  }

  return { refresh, cachedCrls };
}

function derOf(bytes: Buffer, label: PemLabel): Buffer {
  const head = bytes.subarray(0, 64).toString('latin1');
  return head.includes('-----BEGIN') ? fromPem(bytes.toString('utf8'), label) : bytes;
}

export type CrlCache = ReturnType<typeof createCrlCache>;
