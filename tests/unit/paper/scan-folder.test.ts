import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../src/domain/errors';
import type { StaffMember } from '../../../src/domain/staff';
import { createScanFolder } from '../../../src/services/paper/scan-folder';
import { openDatabase } from '../../../src/store/database';
import { SettingsRepository } from '../../../src/store/settings-repository';
import { fakePng } from '../../support/paper-fixtures';

const ADMIN: StaffMember = {
  id: 9,
  username: 'admin',
  displayName: '管理员',
  role: 'admin',
  pharmacistCode: null,
};
const PHARMACIST: StaffMember = { ...ADMIN, id: 1, role: 'pharmacist', pharmacistCode: 'Y1' };

const dirs: string[] = [];
function setup() {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'epc-scan-'));
  dirs.push(root);
  const dataDir = path.join(root, 'data');
  const scans = createScanFolder({
    settings: new SettingsRepository(openDatabase(':memory:')),
    dataDir,
  });
  return { root, dataDir, scans, folder: path.join(dataDir, 'scans') };
}
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

const refusal = (run: () => unknown) => {
  try {
    run();
  } catch (e) {
    return e instanceof AppError ? { code: e.code, ruleId: e.ruleId, message: e.message } : e;
  }
  throw new Error('not refused');
};

describe('document scanner folder as a capture source', () => {
  it('defaults to <dataDir>/scans and lists only the newest JPEG/PNG/PDF files inside it [R-PAPER-KEEP]', () => {
    const { scans, folder } = setup();
    expect(scans.list()).toEqual({ folder, isDefault: true, files: [] });
    const png = fakePng(512);
    fs.writeFileSync(path.join(folder, 'old.png'), png);
    fs.utimesSync(path.join(folder, 'old.png'), new Date('2025-01-01'), new Date('2025-01-01'));
    fs.writeFileSync(path.join(folder, '新扫描.PDF'), Buffer.from('%PDF-1.4\n%%EOF\n'));
    fs.writeFileSync(path.join(folder, 'notes.txt'), 'x');
    fs.writeFileSync(path.join(folder, 'empty.jpg'), '');
    fs.mkdirSync(path.join(folder, 'sub.png'));
    const listed = scans.list().files;
    expect(listed.map((f) => [f.name, f.mime])).toEqual([
      ['新扫描.PDF', 'application/pdf'],
      ['old.png', 'image/png'],
    ]);
    expect(listed[1]?.modifiedAt).toBe('2025-01-01 08:00:00');
    const read = scans.read('old.png');
    expect(read).toMatchObject({ name: 'old.png', mime: 'image/png', size: 512 });
    expect(Buffer.from(read.base64, 'base64').equals(png)).toBe(true);
  });

  it('refuses "..", paths, absolute names and links leading out of the folder [R-PAPER-KEEP]', () => {
    const { root, scans, folder } = setup();
    scans.list();
    const secret = path.join(root, 'secret.png');
    fs.writeFileSync(secret, fakePng(64));
    fs.symlinkSync(secret, path.join(folder, 'link.png'));
    fs.mkdirSync(path.join(folder, 'inner'));
    fs.writeFileSync(path.join(folder, 'inner', 'x.png'), fakePng(64));
    for (const name of [
      '../secret.png',
      '..',
      '.',
      secret,
      'inner/x.png',
      'inner\\x.png',
      'a.png:stream',
      'x\0.png',
      'link.png',
    ]) {
      expect(
        refusal(() => scans.read(name)),
        name,
      ).toMatchObject({
        code: 'VALIDATION',
        ruleId: 'R-PAPER-KEEP',
      });
    }
    expect(scans.list().files.map((f) => f.name)).toEqual([]);
  });

  it('refuses a file whose content is not an image, whatever its name [R-PAPER-KEEP]', () => {
    const { scans, folder } = setup();
    scans.list();
    fs.writeFileSync(path.join(folder, 'fake.jpg'), 'MZ executable');
    expect(refusal(() => scans.read('fake.jpg'))).toMatchObject({ ruleId: 'R-PAPER-KEEP' });
  });

  it('lets only an administrator choose the folder, an existing absolute one [R-PAPER-KEEP]', () => {
    const { root, scans } = setup();
    expect(refusal(() => scans.set(PHARMACIST, root))).toMatchObject({ code: 'FORBIDDEN' });
    expect(refusal(() => scans.set(ADMIN, 'relative/scans'))).toMatchObject({
      code: 'VALIDATION',
    });
    expect(refusal(() => scans.set(ADMIN, path.join(root, 'missing')))).toMatchObject({
      code: 'VALIDATION',
    });
    fs.writeFileSync(path.join(root, 'a.png'), fakePng(128));
    expect(scans.set(ADMIN, root)).toEqual({ folder: root, isDefault: false });
    expect(scans.list().files.map((f) => f.name)).toEqual(['a.png']);
    expect(scans.set(ADMIN, null).isDefault).toBe(true);
  });
});
