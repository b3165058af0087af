import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sm3Hex } from '../../../src/center/crypto';
import type { DispensingView, ScanVerdict } from '../../../src/contract/types-dispense';
import type {
  PaperCheckResult,
  PaperStoreIndexView,
  PaperView,
} from '../../../src/contract/types-paper';
import type { SettlementView, SettlePreview } from '../../../src/contract/types-settlement';
import { paperRxno } from '../../../src/domain/paper/paper-rxno';
import { DEMO_PATIENTS } from '../../../src/sandbox/seed-data';
import { AMLODIPINE, fakePng, paperFields } from '../../support/paper-fixtures';
import { postgresForThisFile } from './helpers/postgres';
import { type CounterId, storeWithTwoCounters } from './helpers/store-counters';

/**
 * The paper archive across counters (issue 17, D56): each counter's archive is indexed at the
 * store; a capture asks the store first whether the same paper was archived, is being dispensed
 * or was settled at another counter, and shows it as a finding before the pharmacist confirms.
 */
const [zhang] = DEMO_PATIENTS;
if (!zhang) throw new Error('demo data missing');

const pg15 = postgresForThisFile();
const s = storeWithTwoCounters(pg15.url);

beforeAll(() => s.start(), 180_000);
afterAll(() => s.stopAll());

let serial = 810_000 + (Date.now() % 100_000);
const amlodipineCode = () => `8020741${String(serial++).padStart(13, '0')}`;

const fieldsOfOnePaper = () =>
  paperFields({
    patientName: zhang.name,
    patientCertno: zhang.certno,
    lines: [{ medListCodg: AMLODIPINE, quantity: 1, days: 28 }],
  });
type Fields = ReturnType<typeof fieldsOfOnePaper>;

const capture = (id: CounterId, fields: Fields) =>
  s.call<PaperView>(id, 'paper.capture', { ...fields, imageBase64: fakePng().toString('base64') });
const indexPass = (id: CounterId) => {
  const pass = s.counters[id].h.services.paper.toStore;
  if (!pass) throw new Error('store mode expected');
  return pass.deliverNow();
};
const codesOf = (findings: PaperCheckResult['findings']) => findings.map((f) => f.code);
const localCopies = (id: CounterId, f: Fields) =>
  s.counters[id].h.services.db
    .prepare(
      'SELECT count(*) FROM paper_prescriptions WHERE institution_code = ? AND serial_no = ?',
    )
    .pluck()
    .get(f.institutionCode, f.serialNo);

describe('the paper archive across counters', () => {
  it('a paper archived at counter A is a finding at B’s capture before confirming; B archives it with that warning, and the store index lists both counters’ archives, each verified at its own counter by SM3 [R-PAPER-NO][R-PAPER-KEEP]', async () => {
    const f = fieldsOfOnePaper();
    const key = paperRxno(f.institutionCode, f.serialNo);
    const atA = await capture('A', f);
    expect(atA.ok, atA.error?.message).toBe(true);
    await indexPass('A');

    const checked = await s.ok<PaperCheckResult>('B', 'paper.check', f);
    expect(checked.accepted).toBe(true);
    const finding = checked.findings.find((x) => x.code === 'ARCHIVED_AT_OTHER_COUNTER');
    expect(finding).toMatchObject({ severity: 'warn', ruleId: 'R-PAPER-NO' });
    expect(finding?.message).toContain('已在柜台 A 归档');
    expect(finding?.message).toContain(atA.value?.capturedAt);
    expect(finding?.citation).toContain('关于规范医保药品外配处方管理的通知');

    const atB = await s.ok<PaperView>('B', 'paper.capture', {
      ...f,
      imageBase64: fakePng().toString('base64'),
    });
    expect(codesOf(atB.warnings)).toContain('ARCHIVED_AT_OTHER_COUNTER');
    await indexPass('B');

    const index = await s.ok<PaperStoreIndexView>('B', 'paper.storeIndex', { key });
    expect(index.total).toBe(2);
    const [b, a] = [
      index.entries.find((e) => e.counterId === 'B'),
      index.entries.find((e) => e.counterId === 'A'),
    ];
    expect(a).toMatchObject({
      key,
      localId: atA.value?.id,
      here: false,
      verification: null,
      state: 'captured',
      capturedAt: atA.value?.capturedAt,
    });
    expect(b).toMatchObject({ key, localId: atB.id, here: true, state: 'captured' });
    expect(b?.verification).toMatchObject({ image: 'match', record: 'match' });
    const imageAtB = s.counters.B.h.services.db
      .prepare('SELECT bytes FROM paper_images WHERE sm3 = ?')
      .pluck()
      .get(b?.imageSm3) as Buffer;
    expect(sm3Hex(imageAtB)).toBe(b?.imageSm3);
    // The inspector at A verifies A's archive the same way; the search by counter and date.
    const fromA = await s.ok<PaperStoreIndexView>('A', 'paper.storeIndex', {
      key,
      counterId: 'A',
      from: atA.value?.capturedAt.slice(0, 10),
      to: atA.value?.capturedAt.slice(0, 10),
    });
    expect(fromA.entries).toHaveLength(1);
    expect(fromA.entries[0]?.verification).toMatchObject({ image: 'match', record: 'match' });
    const none = await s.ok<PaperStoreIndexView>('A', 'paper.storeIndex', {
      key,
      from: '2020-01-01',
      to: '2020-01-31',
    });
    expect(none.total).toBe(0);

    // The index keeps each entry once and refuses every change but captured → dispensed.
    const again = await indexPass('A');
    expect(again.sent).toBe(0);
    await expect(
      s
        .pool()
        .query("UPDATE paper_archive_index SET image_sm3 = repeat('0', 64) WHERE paper_key = $1", [
          key,
        ]),
    ).rejects.toThrow(/append-only/);
    await expect(
      s.pool().query('DELETE FROM paper_archive_index WHERE paper_key = $1', [key]),
    ).rejects.toThrow(/append-only/);
    // No patient data at the store.
    const row = await s
      .pool()
      .query('SELECT * FROM paper_archive_index WHERE paper_key = $1', [key]);
    expect(JSON.stringify(row.rows)).not.toContain(zhang.certno);
    expect(JSON.stringify(row.rows)).not.toContain(zhang.name);
  }, 120_000);

  it('a paper being dispensed at A blocks B’s capture; settled at A, B’s capture is refused with the reason and rule and nothing is stored, and A’s index entry becomes dispensed [R-PAPER-NO][R-STATUS]', async () => {
    const f = fieldsOfOnePaper();
    const paper = await s.ok<PaperView>('A', 'paper.capture', {
      ...f,
      imageBase64: fakePng().toString('base64'),
    });
    const d = await s.ok<DispensingView>('A', 'dispense.startPaper', { paperId: paper.id });

    const whileDispensing = await s.ok<PaperCheckResult>('B', 'paper.check', f);
    expect(whileDispensing.accepted).toBe(false);
    const held = whileDispensing.findings.find((x) => x.code === 'DISPENSING_AT_OTHER_COUNTER');
    expect(held).toMatchObject({ severity: 'block', ruleId: 'R-PAPER-NO' });
    expect(held?.message).toContain('已在柜台 A 调剂');

    const v = await s.ok<ScanVerdict>('A', 'dispense.scan', {
      dispensingId: d.dispensingId,
      code: amlodipineCode(),
    });
    expect(v.verdict, v.message).toBe('accepted');
    await s.ok('A', 'dispense.complete', { dispensingId: d.dispensingId });
    const p = await s.ok<SettlePreview>('A', 'settle.preview', { dispensingId: d.dispensingId });
    const settled = await s.ok<SettlementView>('A', 'settle.confirm', {
      dispensingId: d.dispensingId,
      previewId: p.previewId,
    });
    expect(settled.state).toBe('settled');
    await s.counters.A.h.services.settlement.toStore?.deliverNow();

    const refused = await capture('B', f);
    expect(refused.ok).toBe(false);
    expect(refused.error).toMatchObject({ code: 'CONFLICT', ruleId: 'R-PAPER-NO' });
    expect(refused.error?.message).toContain('已在柜台 A 结算');
    expect(refused.error?.message).toContain('只能使用一次');
    expect(refused.error?.citation).toContain('R-STATUS');
    expect(localCopies('B', f)).toBe(0);

    const moved = await indexPass('A');
    expect(moved.dispensed).toBe(1);
    const entry = await s
      .pool()
      .query('SELECT state FROM paper_archive_index WHERE counter_id = $1 AND local_id = $2', [
        'A',
        paper.id,
      ]);
    expect(entry.rows).toEqual([{ state: 'dispensed' }]);
    await expect(
      s
        .pool()
        .query("UPDATE paper_archive_index SET state = 'captured' WHERE local_id = $1", [paper.id]),
    ).rejects.toThrow(/append-only/);
  }, 180_000);

  it('with the store unreachable the capture says the check could not be made, and the capture still goes on [R-PAPER-NO]', async () => {
    const f = fieldsOfOnePaper();
    await s.cutOffCounter('B');
    try {
      const checked = await s.ok<PaperCheckResult>('B', 'paper.check', f);
      expect(checked.accepted).toBe(true);
      const notAsked = checked.findings.find((x) => x.code === 'STORE_NOT_ASKED');
      expect(notAsked).toMatchObject({ severity: 'warn', ruleId: 'R-PAPER-NO' });
      expect(notAsked?.message).toContain('门店服务器无法连接');
      const atB = await s.ok<PaperView>('B', 'paper.capture', {
        ...f,
        imageBase64: fakePng().toString('base64'),
      });
      expect(codesOf(atB.warnings)).toContain('STORE_NOT_ASKED');
    } finally {
      await s.reconnectCounter('B');
    }
  }, 120_000);
});
