import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import {
  fromPem,
  type ParsedCrl,
  parseCertificate,
  parseCrl,
  type Sm2Certificate,
  X509Error,
} from '../x509';

/**
 * The CA certificates that may issue institution signing certificates, and the CRLs at hand
 * (center-protocol §3). `requireCrl: false` accepts a certificate whose revocation cannot be
 * checked, with a warning (the offline verifier's --no-crl); a CRL listing it still refuses.
 */
export interface TrustStore {
  readonly cas: readonly Sm2Certificate[];
  readonly crls: readonly ParsedCrl[];
  readonly requireCrl: boolean;
  /** Identifies this set of CAs and CRLs (cache key for chain results). */
  readonly id: string;
  /** Chinese notes from loading (e.g. a cached CRL file that could not be read). */
  readonly warnings: readonly string[];
}

export class TrustStoreError extends Error {
  constructor(
    message: string,
    readonly file?: string,
  ) {
    super(message);
    this.name = 'TrustStoreError';
  }
}

export function createTrustStore(
  cas: readonly Sm2Certificate[],
  crls: readonly ParsedCrl[],
  opts: { requireCrl?: boolean; warnings?: readonly string[] } = {},
): TrustStore {
  for (const ca of cas) {
    if (!ca.isCa || (ca.keyUsage !== null && !ca.keyUsage.includes('keyCertSign'))) {
      throw new TrustStoreError(
        `受信任证书列表中的证书不是 CA 证书（缺少 CA:true 或 keyCertSign），不能作为信任根：${ca.subjectDn}（序列号 ${ca.serialHex}）`,
      );
    }
  }
  const requireCrl = opts.requireCrl ?? true;
  const id = crypto
    .createHash('sha256')
    .update(
      [
        ...cas.map((c) => `ca:${c.fingerprintHex}`).sort(),
        ...crls.map((c) => `crl:${c.fingerprintHex}`).sort(),
        `requireCrl:${requireCrl}`,
      ].join('\n'),
    )
    .digest('hex');
  return { cas: [...cas], crls: [...crls], requireCrl, id, warnings: [...(opts.warnings ?? [])] };
}

export interface LoadTrustStoreOptions {
  /** PEM (one or more CERTIFICATE blocks) or DER files. */
  caFiles: readonly string[];
  /** A directory of cached CRLs: every `*.crl` in it (DER or PEM); a missing directory is empty. */
  crlDir?: string;
  /** CRL files named explicitly (DER or PEM); any that cannot be read is an error. */
  crlFiles?: readonly string[];
  requireCrl?: boolean;
}

/** Reads CAs and CRLs from files. Throws TrustStoreError with a Chinese message naming the file. */
export function loadTrustStore(opts: LoadTrustStoreOptions): TrustStore {
  if (opts.caFiles.length === 0) throw new TrustStoreError('未指定受信任的 CA 证书文件');
  const cas = opts.caFiles.flatMap((file) => readCertificates(file));
  const warnings: string[] = [];
  const crls = (opts.crlFiles ?? []).map((file) => readCrl(file));
  if (opts.crlDir && fs.existsSync(opts.crlDir)) {
    const names = fs
      .readdirSync(opts.crlDir)
      .filter((n) => n.endsWith('.crl'))
      .sort();
    for (const name of names) {
      const file = path.join(opts.crlDir, name);
      try {
        crls.push(readCrl(file));
      } catch (e) {
        // One damaged cache file must not stop verification with the others.
        warnings.push(`已忽略无法读取的吊销列表缓存文件 ${name}：${(e as Error).message}`);
      }
    }
  }
  return createTrustStore(cas, crls, {
    ...(opts.requireCrl === undefined ? {} : { requireCrl: opts.requireCrl }),
    warnings,
  });
}

function readFile(file: string, what: string): Buffer {
  try {
    return fs.readFileSync(file);
  } catch (e) {
    throw new TrustStoreError(
      `无法读取${what}文件 ${file}：${(e as NodeJS.ErrnoException).code ?? ''}`,
      file,
    );
  }
}

const PEM_CERT_RE = /-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g;

function readCertificates(file: string): Sm2Certificate[] {
  const bytes = readFile(file, ' CA 证书');
  const text = bytes.toString('latin1');
  const ders = text.includes('-----BEGIN ')
    ? (text.match(PEM_CERT_RE) ?? []).map((block) => wrap(file, () => fromPem(block)))
    : [bytes];
  if (ders.length === 0) throw new TrustStoreError(`CA 证书文件中没有证书：${file}`, file);
  const certs = ders.map((der) => wrap(file, () => parseCertificate(der)));
  try {
    return createTrustStore(certs, []).cas as Sm2Certificate[];
  } catch (e) {
    throw new TrustStoreError(`${(e as Error).message}（文件 ${file}）`, file);
  }
}

function readCrl(file: string): ParsedCrl {
  const bytes = readFile(file, '吊销列表');
  return wrap(file, () => parseCrlBytes(bytes));
}

/** A CRL given as DER or PEM bytes. Throws X509Error when it is neither. */
export function parseCrlBytes(bytes: Uint8Array): ParsedCrl {
  const text = Buffer.from(bytes).toString('latin1');
  return parseCrl(text.includes('-----BEGIN X509 CRL-----') ? fromPem(text, 'X509 CRL') : bytes);
}

function wrap<T>(file: string, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    const why = e instanceof X509Error ? `${e.message}（${e.detail ?? e.code}）` : String(e);
    throw new TrustStoreError(`文件 ${file} 无法解析：${why}`, file);
  }
}
