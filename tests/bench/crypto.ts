import crypto from 'node:crypto';
import smCrypto from 'sm-crypto';
import sandbox from '../../config/sandbox.json';
import {
  type EnvelopeKeys,
  openRequest,
  rawSignatureToDer,
  sealRequest,
  sm2NativeAvailable,
  sm2PrivateKeyToPem,
  sm2PublicKeyToPem,
  sm2Sign,
  sm2SignFast,
  sm2Verify,
  sm2VerifyFast,
  sm3Hex,
  sm4EcbEncrypt,
} from '../../src/center/crypto';
import type { BenchRow } from './table';

const AREA = '国密 crypto';
const BUDGET_MS = 1200;

/** Calls per second of `fn`, after a short warm-up, over about BUDGET_MS. */
function perSecond(fn: () => void, budgetMs = BUDGET_MS): number {
  for (let i = 0; i < 3; i++) fn();
  let n = 0;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < budgetMs) {
    fn();
    n++;
    elapsed = performance.now() - start;
  }
  return Math.round((n * 1000) / elapsed);
}

const round1 = (v: number) => Math.round(v * 10) / 10;

/** A prescription-sized payload (~2 KB of JSON, 8 drug lines). */
function samplePayload(): unknown {
  return {
    hiRxno: 'H500103202401010001',
    rxTraceCode: 'RX500103000000000001',
    fixmedinsCode: 'H50010300001',
    patnName: '张三',
    psnCertType: '01',
    certno: '500103199001011234',
    rxdrugdetail: Array.from({ length: 8 }, (_, i) => ({
      medListCodg: `XA01AB${String(i).padStart(4, '0')}`,
      drugGenname: '阿莫西林胶囊',
      drugSpec: '0.25g*24粒',
      drugDosform: '胶囊剂',
      sinDoscnt: 0.5,
      sinDosunt: 'g',
      usedFrquCodg: 'tid',
      drugCnt: 2,
      drugDosunt: '盒',
      prdDays: 7,
    })),
  };
}

export async function benchCrypto(): Promise<BenchRow[]> {
  const { appId, appSecret, appKeys, platformKeys } = sandbox.epc;
  const client: EnvelopeKeys = {
    appId,
    appSecret,
    privateKey: appKeys.privateKey,
    peerPublicKey: platformKeys.publicKey,
  };
  const center: EnvelopeKeys = {
    appId,
    appSecret,
    privateKey: platformKeys.privateKey,
    peerPublicKey: appKeys.publicKey,
  };
  const data = samplePayload();
  const sealed = sealRequest(data, client);
  const size = `载荷 ${JSON.stringify(data).length} B JSON`;
  const rows: BenchRow[] = [];
  const row = (name: string, value: number, unit: string, note?: string) =>
    rows.push({ area: AREA, name, value, unit, ...(note ? { note } : {}) });

  row(
    'EPC 报文封装（SM4 加密 + SM2 签名），sm-crypto',
    perSecond(() => sealRequest(data, client)),
    'ops/s',
    `${size}；签名随机数点在 Node 下由原生计算`,
  );
  row(
    'EPC 报文拆封（SM4 解密 + SM2 验签），纯 JS',
    perSecond(() => openRequest(sealed, center)),
    'ops/s',
    size,
  );

  const native = sm2NativeAvailable();
  if (native) {
    const fastClient = { ...client, sm2Engine: 'native' as const };
    const fastCenter = { ...center, sm2Engine: 'native' as const };
    row(
      'EPC 报文封装，原生 OpenSSL SM2（含 Z 值）',
      perSecond(() => sealRequest(data, fastClient)),
      'ops/s',
      `${size}；与 sm-crypto 互通`,
    );
    row(
      'EPC 报文拆封，原生 OpenSSL SM2（含 Z 值）',
      perSecond(() => openRequest(sealed, fastCenter)),
      'ops/s',
      `${size}；与 sm-crypto 互通`,
    );
  }

  const msg = Buffer.from(`appId=${appId}&data=${JSON.stringify(data)}&key=${appSecret}`);
  const sig = sm2Sign(msg, appKeys.privateKey);
  const verifyBudget = 800;
  row(
    'SM2 签名 sm2Sign（sm-crypto，CSPRNG 随机数点由原生计算）',
    perSecond(() => sm2Sign(msg, appKeys.privateKey), verifyBudget),
    'ops/s',
  );
  const privHex = Buffer.from(appKeys.privateKey, 'base64').toString('hex');
  const pubHex = Buffer.from(appKeys.publicKey, 'base64').toString('hex');
  const bytes = Array.from(msg);
  row(
    'SM2 签名，sm-crypto 纯 JS（Electron 内即此速度）',
    perSecond(
      () => smCrypto.sm2.doSignature(bytes, privHex, { hash: true, publicKey: pubHex }),
      verifyBudget,
    ),
    'ops/s',
    'sm-crypto 自带随机数点，未用原生',
  );
  row(
    'SM2 验签 sm2Verify（纯 JS，@noble/curves 点运算）',
    perSecond(() => sm2Verify(msg, sig, appKeys.publicKey), verifyBudget),
    'ops/s',
  );
  if (native) {
    row(
      'SM2 签名 sm2SignFast（原生，含 Z 值）',
      perSecond(() => sm2SignFast(msg, appKeys.privateKey), verifyBudget),
      'ops/s',
      '与 sm-crypto/OpenSSL 结果互通',
    );
    row(
      'SM2 验签 sm2VerifyFast（原生，含 Z 值）',
      perSecond(() => sm2VerifyFast(msg, sig, appKeys.publicKey), verifyBudget),
      'ops/s',
      '批量验签路径',
    );
    const pub = crypto.createPublicKey(sm2PublicKeyToPem(appKeys.publicKey));
    const priv = crypto.createPrivateKey(sm2PrivateKeyToPem(appKeys.privateKey));
    const der = rawSignatureToDer(Buffer.from(sig, 'base64'));
    row(
      '参考：Node crypto.verify(sm3) 一次性接口',
      perSecond(() => crypto.verify('sm3', msg, pub, der), verifyBudget),
      'ops/s',
      '不带用户 ID 的 Z，不互通，仅作对比',
    );
    row(
      '参考：Node crypto.sign(sm3) 一次性接口',
      perSecond(() => crypto.sign('sm3', msg, priv), verifyBudget),
      'ops/s',
      '不带用户 ID 的 Z，不互通，仅作对比',
    );
  }

  const block = crypto.randomBytes(256 * 1024);
  const blockArray = Array.from(block);
  const mb = block.length / (1024 * 1024);
  const key = crypto.randomBytes(16);
  const keyArray = Array.from(key);
  row(
    'SM3 吞吐，原生（OpenSSL）',
    round1(perSecond(() => sm3Hex(block), 600) * mb),
    'MB/s',
    '256 KiB 块',
  );
  row(
    'SM3 吞吐，sm-crypto',
    round1(perSecond(() => smCrypto.sm3(blockArray), 600) * mb),
    'MB/s',
    '256 KiB 块',
  );
  row(
    'SM4-ECB 加密吞吐，原生（OpenSSL）',
    round1(perSecond(() => sm4EcbEncrypt(key, block), 600) * mb),
    'MB/s',
    '256 KiB 块，PKCS#7',
  );
  row(
    'SM4-ECB 加密吞吐，sm-crypto',
    round1(
      perSecond(
        () => smCrypto.sm4.encrypt(blockArray, keyArray, { padding: 'pkcs#7', output: 'array' }),
        600,
      ) * mb,
    ),
    'MB/s',
    '256 KiB 块，PKCS#7',
  );
  return rows;
}
