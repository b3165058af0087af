import crypto from 'node:crypto';
import { nativeSupport } from './native';

/** An SM3 digest fed chunk by chunk, for files too large to hold in memory (archive exports). */
export interface Sm3Hasher {
  update(chunk: Uint8Array): void;
  hex(): string;
}

export function createSm3(): Sm3Hasher {
  if (nativeSupport().sm3) {
    const h = crypto.createHash('sm3');
    return { update: (chunk) => void h.update(chunk), hex: () => h.digest('hex') };
  }
  return new JsSm3();
}

const IV = [
  0x7380166f, 0x4914b2b9, 0x172442d7, 0xda8a0600, 0xa96f30bc, 0x163138aa, 0xe38dee4d, 0xb0fb0e4e,
];
const rotl = (x: number, n: number) => ((x << n) | (x >>> (32 - n))) >>> 0;
const p0 = (x: number) => (x ^ rotl(x, 9) ^ rotl(x, 17)) >>> 0;
const p1 = (x: number) => (x ^ rotl(x, 15) ^ rotl(x, 23)) >>> 0;
/** T_j rotated left by j mod 32, as the compression function uses it. */
const T_ROTATED = Array.from({ length: 64 }, (_, j) =>
  rotl(j < 16 ? 0x79cc4519 : 0x7a879d8a, j % 32),
);

/**
 * GB/T 32905 in plain JavaScript: Electron's BoringSSL has no SM3, and sm-crypto only hashes a
 * whole array at once (a number per byte), which a multi-hundred-megabyte file cannot afford.
 */
class JsSm3 implements Sm3Hasher {
  private readonly v = Uint32Array.from(IV);
  private readonly block = new Uint8Array(64);
  private readonly w = new Uint32Array(68);
  private filled = 0;
  private length = 0;

  update(chunk: Uint8Array): void {
    this.length += chunk.length;
    let i = 0;
    while (i < chunk.length) {
      const take = Math.min(64 - this.filled, chunk.length - i);
      this.block.set(chunk.subarray(i, i + take), this.filled);
      this.filled += take;
      i += take;
      if (this.filled === 64) {
        this.compress();
        this.filled = 0;
      }
    }
  }

  hex(): string {
    const bits = this.length * 8;
    const tail = new Uint8Array((this.filled < 56 ? 64 : 128) - this.filled);
    tail[0] = 0x80;
    const view = new DataView(tail.buffer);
    view.setUint32(tail.length - 8, Math.floor(bits / 2 ** 32));
    view.setUint32(tail.length - 4, bits >>> 0);
    this.update(tail);
    return Array.from(this.v, (x) => x.toString(16).padStart(8, '0')).join('');
  }

  private compress(): void {
    const w = this.w;
    const b = this.block;
    const v = this.v;
    for (let j = 0; j < 16; j++) {
      const o = 4 * j;
      w[j] = ((b[o] as number) << 24) | ((b[o + 1] as number) << 16) | ((b[o + 2] as number) << 8);
      w[j] = ((w[j] as number) | (b[o + 3] as number)) >>> 0;
    }
    for (let j = 16; j < 68; j++) {
      const x = (w[j - 16] as number) ^ (w[j - 9] as number) ^ rotl(w[j - 3] as number, 15);
      w[j] = p1(x) ^ rotl(w[j - 13] as number, 7) ^ (w[j - 6] as number);
    }
    let a = v[0] as number;
    let bb = v[1] as number;
    let c = v[2] as number;
    let d = v[3] as number;
    let e = v[4] as number;
    let f = v[5] as number;
    let g = v[6] as number;
    let h = v[7] as number;
    for (let j = 0; j < 64; j++) {
      const wj = w[j] as number;
      const a12 = rotl(a, 12);
      const ss1 = rotl((a12 + e + (T_ROTATED[j] as number)) >>> 0, 7);
      const ss2 = ss1 ^ a12;
      const ff = j < 16 ? a ^ bb ^ c : (a & bb) | (a & c) | (bb & c);
      const gg = j < 16 ? e ^ f ^ g : (e & f) | (~e & g);
      const tt1 = (ff + d + ss2 + (wj ^ (w[j + 4] as number))) >>> 0;
      const tt2 = (gg + h + ss1 + wj) >>> 0;
      d = c;
      c = rotl(bb, 9);
      bb = a;
      a = tt1;
      h = g;
      g = rotl(f, 19);
      f = e;
      e = p0(tt2);
    }
    v[0] = ((v[0] as number) ^ a) >>> 0;
    v[1] = ((v[1] as number) ^ bb) >>> 0;
    v[2] = ((v[2] as number) ^ c) >>> 0;
    v[3] = ((v[3] as number) ^ d) >>> 0;
    v[4] = ((v[4] as number) ^ e) >>> 0;
    v[5] = ((v[5] as number) ^ f) >>> 0;
    v[6] = ((v[6] as number) ^ g) >>> 0;
    v[7] = ((v[7] as number) ^ h) >>> 0;
  }
}

/** The pure-JS digest, exported so tests can compare it with OpenSSL's on any machine. */
export const createJsSm3 = (): Sm3Hasher => new JsSm3();
