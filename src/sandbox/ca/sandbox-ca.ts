import { fromPem, parseCertificate, type Sm2Certificate } from '../../center/x509';
import type { SandboxConfig } from '../config';

export interface SandboxCa {
  cert: Sm2Certificate;
  /** Base64 scalar: a public sandbox secret (config/sandbox.json `ca.privateKey`). */
  privateKey: string;
  pem: string;
}

const cache = new WeakMap<SandboxConfig, SandboxCa>();

/** The CA of config/sandbox.json (the same certificate as config/sandbox-ca.pem). */
export function sandboxCa(config: SandboxConfig): SandboxCa {
  let ca = cache.get(config);
  if (!ca) {
    const cert = parseCertificate(fromPem(config.ca.certificate));
    if (cert.publicKey !== config.ca.publicKey) {
      throw new Error('沙箱配置无效：ca.publicKey 与 CA 证书中的公钥不一致');
    }
    ca = { cert, privateKey: config.ca.privateKey, pem: config.ca.certificate };
    cache.set(config, ca);
  }
  return ca;
}
