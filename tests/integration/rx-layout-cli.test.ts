import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SIGNED_FIELD_SOURCES } from '../../src/center/rx/fsi-72xx';
import { hospitalForm, reportlabLayoutPdf } from '../support/layout-pdfs';
import { fixtureRx } from '../unit/layout/fixture-rx';

const ROOT = path.resolve(import.meta.dirname, '../..');
let dir: string;

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/rx.ts', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: r.status, json: r.stdout ? JSON.parse(r.stdout) : null, stderr: r.stderr };
}

/** A `*.rx.json` carrying the fixture's signed fields and drug lines (verification is not the point here). */
function rxJson(): string {
  const signed: Record<string, unknown> = {};
  for (const [field, { node, key }] of Object.entries(SIGNED_FIELD_SOURCES)) {
    signed[field] = (fixtureRx[node] as Record<string, unknown>)[key] ?? '';
  }
  const file = path.join(dir, 'fixture.rx.json');
  fs.writeFileSync(
    file,
    JSON.stringify({
      originalValue: Buffer.from(JSON.stringify(signed)).toString('base64'),
      signDigest: 'x',
      signCertSn: 'x',
      signCertDn: 'x',
      x_sign_cert: 'x',
      rxdrugdetail: fixtureRx.rxdrugdetail,
      rx_file: 'x',
      prsc_time: fixtureRx.data.prsc_time,
    }),
  );
  return file;
}

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rx-layout-cli-'));
  fs.writeFileSync(path.join(dir, 'hospital.pdf'), reportlabLayoutPdf(hospitalForm(fixtureRx)));
  fs.writeFileSync(
    path.join(dir, 'changed.pdf'),
    reportlabLayoutPdf(hospitalForm(fixtureRx, { quantity1: '5 盒' })),
  );
  fs.writeFileSync(path.join(dir, 'not.pdf'), 'hello');
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('npm run rx -- layout: what support staff see of a new hospital layout [R-LAYOUT]', () => {
  it('prints every field found with its value, page and position; ID numbers stay masked; exit 0 [R-LAYOUT]', () => {
    const r = cli('layout', path.join(dir, 'hospital.pdf'));
    expect(r.status).toBe(0);
    expect(r.json).toMatchObject({ readable: true, pages: 1 });
    expect(r.json.fields.hiRxno).toMatchObject({
      value: 'H2026000123',
      label: '处方编号',
      page: 1,
    });
    expect(r.json.fields.hiRxno.x).toEqual(expect.any(Number));
    expect(r.json.fields['quantity.1']).toMatchObject({ value: '2 盒' });
    expect(JSON.stringify(r.json)).not.toContain('19780315');
  });

  it('with --against prints per-field verdicts: the changed quantity differs, the rest matches [R-LAYOUT]', () => {
    const r = cli('layout', path.join(dir, 'changed.pdf'), '--against', rxJson());
    expect(r.status).toBe(0);
    expect(r.json.outcome).toBe('differs');
    const notMatching = r.json.fields.filter((f: { outcome: string }) => f.outcome !== 'matches');
    expect(notMatching).toEqual([
      expect.objectContaining({ key: 'quantity.1', outcome: 'differs', inFile: '5 盒' }),
    ]);
  });

  it('a file that is not a PDF: readable false with a Chinese reason, exit 1 [R-LAYOUT]', () => {
    const r = cli('layout', path.join(dir, 'not.pdf'));
    expect(r.status).toBe(1);
    expect(r.json).toMatchObject({
      readable: false,
      reason: expect.stringMatching(/[\u4e00-\u9fff]/),
    });
  });
});
