import crypto from 'node:crypto';

/**
 * Which national algorithms the running crypto library provides. Node 20 with OpenSSL 3 has
 * all three; Electron's main process uses BoringSSL, which has none, so every caller must keep
 * a pure-JS fallback (sm-crypto).
 */
export interface NativeSupport {
  sm3: boolean;
  sm4Ecb: boolean;
  sm2: boolean;
}

let cached: NativeSupport | undefined;

export function nativeSupport(): NativeSupport {
  cached ??= probe();
  return cached;
}

function probe(): NativeSupport {
  const sm3 = crypto.getHashes().includes('sm3');
  const sm4Ecb = crypto.getCiphers().includes('sm4-ecb');
  return { sm3, sm4Ecb, sm2: sm3 && probeSm2() };
}

function probeSm2(): boolean {
  try {
    const ecdh = crypto.createECDH('SM2');
    ecdh.generateKeys();
    return ecdh.getPublicKey().length === 65;
  } catch {
    return false;
  }
}
