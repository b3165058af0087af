import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { compactTime, parseCompactTime, parseDateTime } from '../../../src/center/clock';
import { createMsgidGenerator } from '../../../src/center/msgid';
import { tifHeaders } from '../../../src/center/tif-headers';
import { isValidIdNumber } from '../../../src/sandbox/id-number';
import { DEMO_PATIENTS } from '../../../src/sandbox/seed-data';

describe('msgid, TIF headers and demo data', () => {
  it('makes 30-character msgids: institution code + Beijing time + 4-digit sequence [ARCH]', () => {
    const at = new Date('2025-03-01T02:03:04Z'); // 10:03:04 in Beijing
    const next = createMsgidGenerator('P50010300001', () => at);
    const id = next();
    expect(id).toHaveLength(30);
    // a new generator starts at the second after its creation (see the restart test below)
    expect(id.slice(0, 26)).toBe('P5001030000120250301100305');
    expect(id.slice(26)).toMatch(/^\d{4}$/);
    expect(() => createMsgidGenerator('SHORT')).toThrow(/12 位/);
  });

  it('never repeats a msgid, even 25 000 times within one second or when the clock steps back [ARCH]', () => {
    let now = new Date('2025-03-01T02:03:04Z');
    const next = createMsgidGenerator('P50010300001', () => now);
    const seen = new Set<string>();
    for (let i = 0; i < 25_000; i++) seen.add(next());
    now = new Date('2025-03-01T02:03:00Z');
    for (let i = 0; i < 100; i++) seen.add(next());
    expect(seen.size).toBe(25_100);
    for (const id of seen) expect(parseCompactTime(id.slice(12, 26))).not.toBeNull();
  });

  it('a generator restarted right after a crash does not repeat its predecessor’s msgids [ARCH][R-SALES-UP]', () => {
    let now = new Date('2025-03-01T02:03:04.100Z');
    const before = createMsgidGenerator('P50010300001', () => now);
    const used = new Set(Array.from({ length: 5_000 }, () => before()));
    now = new Date('2025-03-01T02:03:05.400Z'); // crashed and restarted within the second it used
    const after = createMsgidGenerator('P50010300001', () => now);
    for (let i = 0; i < 5_000; i++) expect(used.has(after())).toBe(false);
  });

  it('signs TIF headers as lower-hex SHA-256(timestamp + paasToken + nonce + timestamp) [ARCH]', () => {
    const h = tifHeaders('pid', 'token', 1_700_000_000, 'abc');
    const expected = createHash('sha256').update('1700000000tokenabc1700000000').digest('hex');
    expect(h).toEqual({
      'x-tif-paasid': 'pid',
      'x-tif-timestamp': '1700000000',
      'x-tif-nonce': 'abc',
      'x-tif-signature': expected,
    });
    expect(tifHeaders('p', 't')['x-tif-nonce']).not.toBe(tifHeaders('p', 't')['x-tif-nonce']);
  });

  it('formats and parses platform times in Beijing time and rejects impossible dates [ARCH]', () => {
    expect(compactTime(new Date('2024-12-31T16:00:00Z'))).toBe('20250101000000');
    expect(parseDateTime('2025-01-01 00:00:00')?.toISOString()).toBe('2024-12-31T16:00:00.000Z');
    expect(parseDateTime('2025-02-30 00:00:00')).toBeNull();
    expect(parseCompactTime('20251301000000')).toBeNull();
  });

  it('demo patients have valid, unique ID numbers, realistic tokens and card numbers [ARCH]', () => {
    expect(DEMO_PATIENTS.length).toBeGreaterThanOrEqual(5);
    const chongqing = DEMO_PATIENTS.filter(
      (p) => p.insuplcAdmdvs === '500103' || p.insuplcAdmdvs === '500000',
    );
    expect(chongqing.length).toBeGreaterThanOrEqual(4);
    expect(DEMO_PATIENTS.some((p) => !p.insuplcAdmdvs.startsWith('50'))).toBe(true);
    for (const p of DEMO_PATIENTS) {
      expect(isValidIdNumber(p.certno), p.certno).toBe(true);
      expect(p.ecToken).toMatch(/^\d{6}ec[0-9a-z]{30}$/);
      expect(p.cardNo).toMatch(/^[A-Z]\d{8}$/);
      expect(p.cardSn).toMatch(/^\d{6}D156000005[0-9A-F]{16}$/);
      expect(Number(p.certno[16]) % 2 === 1 ? '1' : '2').toBe(p.gender);
      expect(p.certno.slice(6, 14)).toBe(p.birthday.replaceAll('-', ''));
    }
    for (const key of ['certno', 'ecToken', 'cardNo', 'psnNo'] as const) {
      expect(new Set(DEMO_PATIENTS.map((p) => p[key])).size).toBe(DEMO_PATIENTS.length);
    }
    const insutypes = new Set(DEMO_PATIENTS.flatMap((p) => p.insurances.map((i) => i.insutype)));
    expect(insutypes.has('310') && insutypes.has('390')).toBe(true);
    expect(isValidIdNumber('500103197803151239')).toBe(false);
  });
});
