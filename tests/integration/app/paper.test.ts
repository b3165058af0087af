import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sm3Hex } from '../../../src/center/crypto';
import type {
  PaperCheckResult,
  PaperExportResult,
  PaperImageView,
  PaperScanFolder,
  PaperScanImage,
  PaperScanList,
  PaperSearchResult,
  PaperView,
} from '../../../src/contract/types-paper';
import { DEMO_STAFF } from '../../../src/store/demo-staff';
import { type Harness, startHarness } from '../../support/app-harness';
import {
  AMLODIPINE,
  beijingToday,
  DIAZEPAM,
  fakePng,
  idNumber,
  METFORMIN,
  OSIMERTINIB,
  paperFields,
} from '../../support/paper-fixtures';

const staff = (role: string) => {
  const s = DEMO_STAFF.find((x) => x.role === role);
  if (!s) throw new Error(`demo ${role} missing`);
  return s;
};

describe('paper prescriptions over HTTP: capture, checks, archive, search, export', () => {
  let h: Harness;
  let token: string;
  let first: PaperView;
  let firstImage: Buffer;
  const capture = (fields: Record<string, unknown>, image = fakePng(), as = token) =>
    h.api<PaperView>('paper.capture', { ...fields, imageBase64: image.toString('base64') }, as);
  const login = async (role: string) =>
    (
      await h.api<{ token: string }>('auth.login', {
        username: staff(role).username,
        password: staff(role).password,
      })
    ).value?.token ?? '';

  beforeAll(async () => {
    h = await startHarness();
    token = await login('pharmacist');
  }, 60_000);
  afterAll(async () => {
    await h?.close();
  });

  it('captures a 2 MB image with its fields; the SM3 is recorded and verified on read [R-PAPER-KEEP]', async () => {
    firstImage = fakePng(2 * 1024 * 1024);
    const fields = paperFields({
      patientName: '赵建国',
      lines: [
        { medListCodg: AMLODIPINE, quantity: 2, days: 28 },
        { medListCodg: METFORMIN, quantity: 3, days: 30 },
      ],
    });
    const got = await capture(fields, firstImage);
    expect(got.ok, got.error?.message).toBe(true);
    first = got.value as PaperView;
    expect(first).toMatchObject({ kind: 'paper', status: 'captured', statusLabel: '已归档待调剂' });
    expect(first.image).toMatchObject({
      sm3: sm3Hex(firstImage),
      mime: 'image/png',
      verified: true,
    });
    expect(first.patient.certnoMasked).toMatch(/^5001\*{10}\d{3}[\dX]$/);
    expect(first.lines.map((l) => l.genname)).toEqual(['苯磺酸氨氯地平片', '盐酸二甲双胍片']);
    const image = await h.api<PaperImageView>('paper.image', { id: first.id }, token);
    expect(Buffer.from(image.value?.base64 ?? '', 'base64').equals(firstImage)).toBe(true);
    expect((await h.api<PaperView>('paper.get', { id: first.id }, token)).value?.id).toBe(first.id);
  });

  it('keeps the 256 KB body limit for every other method [R-PAPER-KEEP]', async () => {
    const big = { ...paperFields(), physicianName: 'x'.repeat(300 * 1024) };
    const refused = await h.api('paper.check', big, token).then(
      (res) => res.ok === false && res.error?.message === '请求过大',
      () => true,
    );
    expect(refused).toBe(true);
  });

  it('blocks a repeated serial number and shows the earlier prescription [R-PAPER-NO]', async () => {
    const again = paperFields({ serialNo: first.serialNo, patientName: '钱多多' });
    const checked = await h.api<PaperCheckResult>('paper.check', again, token);
    expect(checked.value?.accepted).toBe(false);
    expect(checked.value?.earlier?.id).toBe(first.id);
    const res = await capture(again);
    expect(res.ok).toBe(false);
    expect(res.error).toMatchObject({ code: 'CONFLICT', ruleId: 'R-PAPER-NO' });
    expect(res.error?.message).toContain(`第${first.id}号`);
    expect(res.error?.message).toContain('赵*国');
  });

  const refusals: Array<[string, Record<string, unknown>, string]> = [
    ['no physician signature', { signatureConfirmed: false }, 'R-PAPER-VALID'],
    ['no external-prescription stamp', { stampConfirmed: false }, 'R-PAPER-VALID'],
    ['institution of another region', { institutionCode: 'H44190000001' }, 'R-REGION'],
    ['expired (issued 10 days ago)', { rxDate: '2020-01-01' }, 'R-VALID'],
    ['excluded class', { lines: [{ medListCodg: DIAZEPAM, quantity: 1, days: 7 }] }, 'R-EXCLUDED'],
    [
      'dual-channel drug after 2025-01-01',
      { lines: [{ medListCodg: OSIMERTINIB, quantity: 1, days: 30 }] },
      'R-PAPER-DUAL',
    ],
    [
      'long prescription over 12 weeks',
      { longRx: true, lines: [{ medListCodg: AMLODIPINE, quantity: 9, days: 90 }] },
      'R-LONGRX',
    ],
    [
      'invalid patient ID number',
      {
        patientCertno:
          '500103198001011230' === idNumber('50010319800101123')
            ? '500103198001011231'
            : '500103198001011230',
      },
      'R-CHECKS',
    ],
  ];
  for (const [what, over, ruleId] of refusals) {
    it(`refuses: ${what}, with reason and citation [${ruleId}]`, async () => {
      const res = await capture(paperFields(over));
      expect(res.ok).toBe(false);
      expect(res.error).toMatchObject({ code: 'POLICY', ruleId });
      expect(res.error?.message).toMatch(/[\u4e00-\u9fa5]/);
      expect(res.error?.citation).toBeTruthy();
      const checked = await h.api<PaperCheckResult>('paper.check', paperFields(over), token);
      expect(checked.value?.findings.some((f) => f.ruleId === ruleId && f.citation)).toBe(true);
    });
  }

  it("refuses all paper after the region's paperAcceptedUntil (Dongguan), and the switch does not open the pharmacy to Dongguan institutions [R-PAPER-DUAL][R-REGION]", async () => {
    const admin = await login('admin');
    expect((await h.api('settings.setRegion', { regionId: '441900' }, admin)).ok).toBe(true);
    try {
      const over = { institutionCode: 'H44190000001' };
      const res = await capture(paperFields(over));
      expect(res.ok).toBe(false);
      // The sandbox pharmacy is registered in Chongqing: the institution is out of its area first.
      expect(res.error?.ruleId).toBe('R-REGION');
      const checked = await h.api<PaperCheckResult>('paper.check', paperFields(over), token);
      const cutOff = checked.value?.findings.find((f) => f.ruleId === 'R-PAPER-DUAL');
      expect(cutOff?.message).toContain('不再受理纸质外配处方');
    } finally {
      await h.api('settings.setRegion', { regionId: '500000' }, admin);
    }
  });

  it('refuses DELETE and content UPDATE inside 2 years, at the database [R-KEEP]', () => {
    const db = h.services.db;
    expect(() => db.prepare('DELETE FROM paper_prescriptions WHERE id = ?').run(first.id)).toThrow(
      /R-KEEP/,
    );
    expect(() =>
      db.prepare("UPDATE paper_prescriptions SET serial_no = 'X' WHERE id = ?").run(first.id),
    ).toThrow(/R-KEEP/);
  });

  it('searches by patient, ID number, institution, serial, drug and date, paginated and masked [R-PAPER-KEEP]', async () => {
    for (let i = 0; i < 3; i++) {
      const ok = await capture(
        paperFields({ patientName: '孙分页', patientCertno: idNumber('50010319900101456') }),
      );
      expect(ok.ok, ok.error?.message).toBe(true);
    }
    const search = async (q: Record<string, unknown>) =>
      (await h.api<PaperSearchResult>('paper.search', q, token)).value as PaperSearchResult;
    const page1 = await search({ patientName: '孙分', pageSize: 2 });
    expect(page1.total).toBe(3);
    expect(page1.items).toHaveLength(2);
    expect((await search({ patientName: '孙分', pageSize: 2, page: 2 })).items).toHaveLength(1);
    expect(page1.items[0]?.certnoMasked).toMatch(/^5001\*+/);
    expect(JSON.stringify(page1)).not.toContain(idNumber('50010319900101456'));
    expect((await search({ patientCertno: idNumber('50010319900101456') })).total).toBe(3);
    expect((await search({ serialNo: first.serialNo })).items[0]?.id).toBe(first.id);
    expect((await search({ medListCodg: METFORMIN })).items.map((i) => i.id)).toEqual([first.id]);
    expect((await search({ institutionCode: 'H50010300001' })).total).toBe(4);
    expect((await search({ from: beijingToday(), to: beijingToday() })).total).toBe(4);
    expect((await search({ to: '2000-01-01' })).total).toBe(0);
  });

  it('exports one zip under <dataDir>/exports whose manifest and index hashes match the images [R-PAPER-KEEP] [R-KEEP]', async () => {
    const today = beijingToday();
    const res = await h.api<PaperExportResult>('paper.export', { from: today, to: today }, token);
    expect(res.ok, res.error?.message).toBe(true);
    const out = res.value as PaperExportResult;
    expect(out.count).toBe(4);
    expect(path.dirname(out.path)).toBe(path.join(h.services.config.dataDir, 'exports'));
    const zip = readFileSync(out.path);
    expect(out).toMatchObject({ size: zip.length, sm3: sm3Hex(zip) });
    expect(out.size).toBeLessThanOrEqual(out.downloadLimit);
    expect(Buffer.from(out.base64 ?? '', 'base64').equals(zip)).toBe(true);
    const entries = unzipSync(zip);
    const manifest = JSON.parse(Buffer.from(entries['manifest.json'] ?? []).toString('utf8'));
    const names = manifest.files.map((f: { name: string }) => f.name);
    expect(Object.keys(entries).sort()).toEqual([...names, 'manifest.json'].sort());
    const index = JSON.parse(Buffer.from(entries['index.json'] ?? []).toString('utf8'));
    expect(index.hashAlgorithm).toBe('SM3');
    for (const p of index.prescriptions) {
      expect(sm3Hex(entries[p.image.file] ?? new Uint8Array())).toBe(p.image.sm3);
    }
    expect(index.prescriptions.map((p: { image: { sm3: string } }) => p.image.sm3)).toContain(
      sm3Hex(firstImage),
    );
    expect(index.prescriptions[0].patientCertno).toHaveLength(18);
    expect(Buffer.from(entries['index.csv'] ?? []).subarray(0, 3)).toEqual(
      Buffer.from([0xef, 0xbb, 0xbf]),
    );
    const pdf = Buffer.from(entries['summary.pdf'] ?? []);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.toString('latin1')).not.toContain('50010319900101456');
  });

  it('a cashier may not export the archive (full personal data) [R-PAPER-KEEP]', async () => {
    const today = beijingToday();
    const res = await h.api('paper.export', { from: today, to: today }, await login('cashier'));
    expect(res.error).toMatchObject({ code: 'FORBIDDEN', ruleId: 'R-PAPER-KEEP' });
  });

  it('reads a scanned image from the scanner folder an administrator set, nothing outside it [R-PAPER-KEEP]', async () => {
    const admin = await login('admin');
    const folder = mkdtempSync(path.join(os.tmpdir(), 'epc-scans-'));
    const scan = fakePng(1500);
    writeFileSync(path.join(folder, '扫描0001.png'), scan);
    expect((await h.api('paper.setScanFolder', { folder }, token)).error?.code).toBe('FORBIDDEN');
    const set = await h.api<PaperScanFolder>('paper.setScanFolder', { folder }, admin);
    expect(set.value).toEqual({ folder, isDefault: false });
    const list = await h.api<PaperScanList>('paper.scanList', {}, token);
    expect(list.value?.files.map((f) => f.name)).toEqual(['扫描0001.png']);
    const read = await h.api<PaperScanImage>('paper.scanRead', { name: '扫描0001.png' }, token);
    expect(Buffer.from(read.value?.base64 ?? '', 'base64').equals(scan)).toBe(true);
    const saved = await capture(paperFields(), scan);
    expect(saved.value?.image.sm3).toBe(sm3Hex(scan));
    const pathEscape = await h.api('paper.scanRead', { name: '../counter.db' }, token);
    expect(pathEscape.error).toMatchObject({ code: 'VALIDATION', ruleId: 'R-PAPER-KEEP' });
    await h.api('paper.setScanFolder', { folder: null }, admin);
    expect((await h.api<PaperScanFolder>('paper.scanFolder', {}, token)).value?.isDefault).toBe(
      true,
    );
    rmSync(folder, { recursive: true, force: true });
  });

  it('detects a tampered image loudly on read [R-PAPER-KEEP]', async () => {
    const db = h.services.db;
    db.exec('DROP TRIGGER paper_images_keep_update');
    db.prepare('UPDATE paper_images SET bytes = ? WHERE sm3 = ?').run(fakePng(64), first.image.sm3);
    const res = await h.api('paper.image', { id: first.id }, token);
    expect(res.ok).toBe(false);
    expect(res.error?.ruleId).toBe('R-PAPER-KEEP');
    expect(res.error?.message).toContain('完整性校验失败');
    expect((await h.api('paper.get', { id: first.id }, token)).ok).toBe(false);
    const today = beijingToday();
    const exported = await h.api('paper.export', { from: today, to: today }, token);
    expect(exported.error).toMatchObject({ ruleId: 'R-PAPER-KEEP' });
    expect(exported.error?.message).toContain('完整性校验失败');
  });

  it('a cashier captures (it waits for a pharmacist); an administrator may not capture [R-PHARMACIST]', async () => {
    const cashier = await capture(paperFields(), fakePng(), await login('cashier'));
    expect(cashier.value?.confirmation.state).toBe('pending');
    const admin = await capture(paperFields(), fakePng(), await login('admin'));
    expect(admin.error).toMatchObject({ code: 'FORBIDDEN', ruleId: 'R-PHARMACIST' });
  });
});
