import { tryParseSm2PublicKey } from '../crypto';
import {
  type Asn1Node,
  decodeNull,
  decodeOctetAlignedBits,
  decodeOid,
  enter,
  TAG,
} from './asn1-reader';
import { bitString, oid, sequence } from './asn1-writer';
import { malformed, X509Error } from './errors';
import { algorithmName, OID } from './oids';

/**
 * SubjectPublicKeyInfo → our Base64 65-byte point. Accepted: id-ecPublicKey with the SM2 curve
 * (what OpenSSL 3 writes), or the SM2 OID itself as the algorithm (older OpenSSL / GmSSL
 * style) with no, NULL or SM2-curve parameters. Anything else is refused as NOT_SM2.
 */
export function readSm2PublicKeyInfo(node: Asn1Node, what: string): string {
  const spki = enter(node, TAG.sequence, what);
  const alg = enter(spki.expect(TAG.sequence, 'algorithm'), TAG.sequence, `${what}/algorithm`);
  const algorithm = decodeOid(alg.expect(TAG.oid, 'oid'), `${what}/algorithm`);
  const params = alg.done ? undefined : alg.next('parameters');
  alg.finish();
  const keyBits = decodeOctetAlignedBits(spki.expect(TAG.bitString, 'key'), `${what}/key`);
  spki.finish();

  if (algorithm === OID.ecPublicKey) {
    if (!params) throw malformed(`${what}: EC key without curve parameters`);
    if (params.tag !== TAG.oid) {
      throw new X509Error(
        'NOT_SM2',
        '证书公钥使用显式椭圆曲线参数，不受支持；仅接受命名曲线 SM2（1.2.156.10197.1.301）',
        'explicit EC parameters',
      );
    }
    const curve = decodeOid(params, `${what}/curve`);
    if (curve !== OID.sm2) throw notSm2Key(curve);
  } else if (algorithm === OID.sm2) {
    if (params && params.tag === TAG.null) decodeNull(params, `${what}/parameters`);
    else if (params && decodeOid(params, `${what}/parameters`) !== OID.sm2) {
      throw malformed(`${what}: SM2 key with foreign parameters`);
    }
  } else {
    throw notSm2Key(algorithm);
  }

  const point = tryParseSm2PublicKey(Buffer.from(keyBits).toString('base64'));
  if (!point || keyBits.length !== 65) {
    throw new X509Error(
      'NOT_SM2',
      '证书中的 SM2 公钥无效：应为 65 字节未压缩点且在 SM2 曲线上',
      `SM2 public key of ${keyBits.length} bytes not an uncompressed curve point`,
    );
  }
  return point.toString('base64');
}

function notSm2Key(oidFound: string): X509Error {
  return new X509Error(
    'NOT_SM2',
    `证书公钥算法为 ${algorithmName(oidFound)}，不是国密 SM2；仅接受 SM2 证书`,
    `public key algorithm/curve ${oidFound}`,
  );
}

/** AlgorithmIdentifier that must be SM3withSM2 (parameters absent or NULL). Returns the OID. */
export function readSm2SignatureAlgorithm(node: Asn1Node, what: string): string {
  const alg = enter(node, TAG.sequence, what);
  const algorithm = decodeOid(alg.expect(TAG.oid, 'oid'), what);
  if (!alg.done) decodeNull(alg.next('parameters'), `${what}/parameters`);
  alg.finish();
  if (algorithm !== OID.sm3WithSm2) {
    throw new X509Error(
      'NOT_SM2',
      `签名算法为 ${algorithmName(algorithm)}，不是国密 SM3withSM2（1.2.156.10197.1.501）；仅接受 SM2 证书`,
      `signature algorithm ${algorithm}`,
    );
  }
  return algorithm;
}

/** The signature algorithm as OpenSSL writes it: the OID with no parameters. */
export const SM3_WITH_SM2_ALGORITHM = sequence(oid(OID.sm3WithSm2));

/** SubjectPublicKeyInfo as OpenSSL 3 writes it for SM2. */
export function encodeSm2PublicKeyInfo(point: Uint8Array): Buffer {
  return sequence(sequence(oid(OID.ecPublicKey), oid(OID.sm2)), bitString(point));
}
