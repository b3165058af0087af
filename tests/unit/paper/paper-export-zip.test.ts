import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { sm3Hex } from '../../../src/center/crypto';
import { silentLogger } from '../../../src/services/logger';
import { writePaperExportZip } from '../../../src/services/paper/export-zip';
import { openDatabase } from '../../../src/store/database';
import { PaperRepository } from '../../../src/store/paper-repository';
import { PaperSearchRepository } from '../../../src/store/paper-search-repository';
import { fakePng, idNumber } from '../../support/paper-fixtures';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

const AT = Date.parse('2025-03-10T10:00:00+08:00');
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

function archiveOf(images: Buffer[]) {
  const db = openDatabase(':memory:');
  db.prepare(
    `INSERT INTO staff (id, username, display_name, role, pharmacist_code, password_hash, created_at)
     VALUES (1, 'p', '药师', 'pharmacist', 'Y1', 'x', 0)`,
  ).run();
  const repo = new PaperRepository(db);
  images.forEach((bytes, i) => {
    const sm3 = sm3Hex(bytes);
    const mime = bytes[0] === 0x25 ? 'application/pdf' : 'image/png';
    repo.insert(
      {
        institutionCode: 'H50010300001',
        institutionName: '沙箱示范医院（渝中）',
        serialNo: `A${i + 1}`,
        rxDate: '2025-03-10',
        physicianName: '李医生',
        patientName: `王小明${i}`,
        patientCertno: idNumber(`5001031980010112${i}`),
        longRx: false,
        imageSm3: sm3,
        regionId: '500000',
        warnings: '[]',
        capturedBy: 1,
        createdAt: AT + i * 86_400_000,
        lines: [
          {
            lineNo: 1,
            medListCodg: 'X1',
            genname: '苯磺酸氨氯地平片',
            spec: '5mg',
            unit: '盒',
            quantity: 2,
            days: 28,
            dualChannel: false,
          },
        ],
      },
      { sm3, mime, size: bytes.length, bytes },
    );
  });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'epc-export-'));
  dirs.push(dir);
  const deps = {
    repo,
    search: new PaperSearchRepository(db),
    log: silentLogger,
    pharmacy: { code: 'P50010300001', name: '沙箱示范药房' },
    now: () => new Date(AT + 30 * 86_400_000),
  };
  return { db, deps, dir };
}

const json = (bytes: Uint8Array | undefined) =>
  JSON.parse(Buffer.from(bytes ?? []).toString('utf8'));

describe('paper archive export as one zip', () => {
  it('unzips into exactly the manifest’s files, each matching its size and SM3 and the index [R-PAPER-KEEP] [R-KEEP]', () => {
    const images = [fakePng(3000), PDF, fakePng(5000)];
    const { deps, dir } = archiveOf(images);
    const out = writePaperExportZip(deps, { from: '2025-03-10', to: '2025-03-11' }, { dir });
    expect(out).toMatchObject({ count: 2, from: '2025-03-10', to: '2025-03-11' });
    expect(out.fileName).toBe('paper-archive-2025-03-10_2025-03-11-20250409100000.zip');
    expect(out.path).toBe(path.join(dir, out.fileName));
    const zip = fs.readFileSync(out.path);
    expect(out.size).toBe(zip.length);
    expect(out.sm3).toBe(sm3Hex(zip));
    expect(Buffer.from(out.base64 ?? '', 'base64').equals(zip)).toBe(true);
    expect(fs.readdirSync(dir)).toEqual([out.fileName]);

    const entries = unzipSync(zip);
    const manifest = json(entries['manifest.json']);
    const listed = manifest.files.map((f: { name: string }) => f.name);
    expect(Object.keys(entries).sort()).toEqual([...listed, 'manifest.json'].sort());
    expect(listed).toEqual(expect.arrayContaining(['index.json', 'index.csv', 'summary.pdf']));
    for (const f of manifest.files as Array<{ name: string; size: number; sm3: string }>) {
      expect(entries[f.name]?.length, f.name).toBe(f.size);
      expect(sm3Hex(entries[f.name] ?? new Uint8Array()), f.name).toBe(f.sm3);
    }
    const index = json(entries['index.json']);
    expect(index.count).toBe(2);
    for (const [i, p] of (
      index.prescriptions as Array<{ image: { file: string; sm3: string } }>
    ).entries()) {
      expect(sm3Hex(entries[p.image.file] ?? new Uint8Array())).toBe(sm3Hex(images[i] as Buffer));
      expect(manifest.files.find((f: { name: string }) => f.name === p.image.file)?.sm3).toBe(
        p.image.sm3,
      );
    }
    expect(index.prescriptions[1].image.file).toMatch(/\.pdf$/);
  });

  it('the same export gives the same bytes whenever it is written: every entry carries the export time [R-PAPER-KEEP][R-KEEP]', () => {
    const { deps, dir } = archiveOf([fakePng(3000), PDF]);
    const range = { from: '2025-03-10', to: '2025-03-11' };
    try {
      vi.useFakeTimers({ toFake: ['Date'] });
      vi.setSystemTime(Date.parse('2026-12-07T13:02:18Z'));
      const first = writePaperExportZip(deps, range, { file: path.join(dir, 'a.zip') });
      vi.setSystemTime(Date.parse('2026-12-07T13:02:21Z'));
      const second = writePaperExportZip(deps, range, { file: path.join(dir, 'b.zip') });
      expect(second.sm3).toBe(first.sm3);
    } finally {
      vi.useRealTimers();
    }
    const local = Buffer.from(fs.readFileSync(path.join(dir, 'a.zip')));
    // the first local header's DOS time and date: the export's time (10:00:00 Beijing clock)
    const dosTime = local.readUInt16LE(10);
    expect([dosTime >> 11, (dosTime >> 5) & 63, (dosTime & 31) * 2]).toEqual([
      new Date(AT + 30 * 86_400_000).getHours(),
      0,
      0,
    ]);
  });

  it('writes a CSV with a BOM that keeps full names and ID numbers; the summary PDF masks them [R-PAPER-KEEP]', () => {
    const { deps, dir } = archiveOf([fakePng(100)]);
    const out = writePaperExportZip(deps, { from: '2025-03-10', to: '2025-03-10' }, { dir });
    const entries = unzipSync(fs.readFileSync(out.path));
    const csv = Buffer.from(entries['index.csv'] ?? []);
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, row] = csv.subarray(3).toString('utf8').split('\r\n');
    expect(header?.split(',')).toEqual(
      expect.arrayContaining(['patient_name', 'patient_certno', 'serial_no', 'image_sm3']),
    );
    const certno = idNumber('50010319800101120');
    expect(row).toContain('王小明0');
    expect(row).toContain(certno);
    expect(row).toContain('苯磺酸氨氯地平片×2盒/28天');
    expect(json(entries['index.json']).prescriptions[0].patientCertno).toBe(certno);
    const pdf = Buffer.from(entries['summary.pdf'] ?? []);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.toString('latin1')).not.toContain(certno);
  });

  it('refuses the export and leaves no file when an archived image was tampered with [R-PAPER-KEEP]', () => {
    const { db, deps, dir } = archiveOf([fakePng(300), fakePng(400)]);
    db.exec('DROP TRIGGER paper_images_keep_update');
    const victim = db.prepare('SELECT sm3 FROM paper_images LIMIT 1 OFFSET 1').get() as {
      sm3: string;
    };
    db.prepare('UPDATE paper_images SET bytes = ? WHERE sm3 = ?').run(fakePng(400), victim.sm3);
    const refusal = (() => {
      try {
        writePaperExportZip(deps, { from: '2025-03-10', to: '2025-03-11' }, { dir });
      } catch (err) {
        return err;
      }
    })();
    // the rule goes to the details line, not the message (issue 18)
    expect(refusal).toMatchObject({
      ruleId: 'R-PAPER-KEEP',
      message: expect.stringMatching(/完整性校验失败/),
    });
    expect((refusal as Error).message).not.toContain('R-PAPER-KEEP');
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('writes to a chosen file (CLI --out) and refuses an inverted date range [R-PAPER-KEEP]', () => {
    const { deps, dir } = archiveOf([fakePng(100)]);
    const file = path.join(dir, 'sub', '报送.zip');
    const out = writePaperExportZip(deps, { from: '2025-03-01', to: '2025-03-31' }, { file });
    expect(out).toMatchObject({ path: file, fileName: '报送.zip', count: 1 });
    expect(fs.existsSync(file)).toBe(true);
    expect(() =>
      writePaperExportZip(deps, { from: '2025-03-31', to: '2025-03-01' }, { dir }),
    ).toThrow(/日期范围无效/);
  });
});
