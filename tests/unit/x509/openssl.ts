/**
 * Runs the OpenSSL 3 CLI (the independent implementation) on temp files.
 *
 * What works on OpenSSL 3.0.x for SM2 (found by trying):
 * - keys: `genpkey -algorithm EC -pkeyopt ec_paramgen_curve:SM2` or `ecparam -name SM2 -genkey`.
 * - CSR / self-signed: `req … -sm3 -sigopt distid:1234567812345678 -utf8 -subj /C=CN/O=中文…`.
 * - issuing: `x509 -req … -sm3 -sigopt distid:… -vfyopt distid:…` — without -vfyopt the CSR's
 *   own signature fails ("Certificate request self-signature did not match"). `req -x509` and
 *   `x509 -req` cannot set notBefore in 3.0; `ca -startdate/-enddate` (also `-selfsign`) can.
 * - `verify -CAfile ca.pem -vfyopt distid:… leaf.pem` checks the leaf with the id; without
 *   -vfyopt it fails. `-check_ss_sig` cannot check an SM2 root's self-signature (the id is not
 *   applied to certificates loaded from -CAfile): use `dgst -sm3 -verify -sigopt distid:…` on
 *   the tbsCertificate instead.
 * - CRLs: `ca -gencrl -sigopt distid:…` signs with the id, but `crl -verify` and
 *   `verify -crl_check` check CRL signatures with an empty SM2 id (no option changes it), so
 *   they report "CRL signature failure" on a standard CRL and accept one signed with id "".
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const DISTID = 'distid:1234567812345678';

export class OpenSslWorkspace {
  readonly dir = fs.mkdtempSync(path.join(os.tmpdir(), 'x509-openssl-'));
  private counter = 0;

  /** A path in the workspace; with content, the file is written. */
  file(name: string, content?: string | Uint8Array): string {
    const p = path.join(this.dir, name);
    if (content !== undefined) fs.writeFileSync(p, content);
    return p;
  }

  temp(content: string | Uint8Array, ext = ''): string {
    return this.file(`t${this.counter++}${ext}`, content);
  }

  run(...args: string[]): Buffer {
    return execFileSync('openssl', args, { cwd: this.dir, stdio: ['ignore', 'pipe', 'pipe'] });
  }

  /** { ok, out } with out = stdout + stderr, for commands whose failure is the point. */
  attempt(...args: string[]): { ok: boolean; out: string } {
    const r = spawnSync('openssl', args, { cwd: this.dir, stdio: ['ignore', 'pipe', 'pipe'] });
    return { ok: r.status === 0, out: `${r.stdout ?? ''}${r.stderr ?? ''}` };
  }

  read(name: string): Buffer {
    return fs.readFileSync(path.join(this.dir, name));
  }

  dispose(): void {
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}

/** YYYYMMDDHHMMSSZ as `openssl ca -startdate/-enddate/-crl_*update` take it. */
export function opensslTime(d: Date): string {
  return `${d.toISOString().replace(/[-:T]/g, '').slice(0, 14)}Z`;
}
