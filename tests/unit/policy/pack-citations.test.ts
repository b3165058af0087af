import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { packCitation } from '../../../src/domain/policy/pack-citation';
import {
  citesForeignDocument,
  PHARMACY_SETTING,
  POLICY_PARAMETERS,
  parsePolicyPack,
  parsePolicyPacks,
} from '../../../src/domain/policy/policy-pack';
import { documentGoverns, documentsNamedIn } from '../../../src/domain/rules';

const DIR = path.resolve(import.meta.dirname, '../../../config/policy');
const files = fs
  .readdirSync(DIR)
  .map((name) => ({ name, text: fs.readFileSync(path.join(DIR, name), 'utf8') }));
const packs = parsePolicyPacks(files);
const raw = (id: string) =>
  JSON.parse(fs.readFileSync(path.join(DIR, `${id}.json`), 'utf8')) as {
    citations: Record<string, { ruleId: string; document: string | null; source: string }>;
  };

describe('policy packs are true to the seeds', () => {
  it("every pack value cites a document of that pack's region (or a national one), or is marked as the pharmacy's setting [R-LONGRX][R-VALID][R-REGION]", () => {
    expect(packs.length).toBeGreaterThan(0);
    for (const pack of packs) {
      for (const param of POLICY_PARAMETERS) {
        const c = pack.citations[param];
        const where = `${pack.id}.${param}`;
        if (c.document === null)
          expect(c.source, where).toMatch(new RegExp(`^${PHARMACY_SETTING}`));
        else expect(documentGoverns(c.document, pack.admdvs), where).toBe(true);
        const named = documentsNamedIn(c.source);
        expect(
          named.filter((d) => !documentGoverns(d, pack.admdvs)),
          where,
        ).toEqual([]);
        // What the pharmacist reads: the rule's documents are cut to the region's too.
        const shown = packCitation(c.ruleId, pack, param);
        expect(
          documentsNamedIn(shown).filter((d) => !documentGoverns(d, pack.admdvs)),
          `${where}: ${shown}`,
        ).toEqual([]);
      }
    }
  });

  it("84 days is Liaoning's limit: no other region's pack cites Liaoning for its long-prescription limit [R-LONGRX]", () => {
    const liaoning = packs.find((p) => p.id === '210000');
    expect(liaoning?.longRxMaxDays).toBe(84);
    expect(liaoning?.citations.longRxMaxDays).toMatchObject({ document: '002' });
    expect(liaoning && packCitation('R-LONGRX', liaoning, 'longRxMaxDays')).toContain(
      '辽医保办发〔2023〕1号 §四(二)',
    );
    for (const pack of packs.filter((p) => p !== liaoning)) {
      const c = pack.citations.longRxMaxDays;
      expect(c.document, pack.id).not.toBe('002');
      expect(packCitation('R-LONGRX', pack, 'longRxMaxDays'), pack.id).not.toContain('辽医保办发');
    }
  });

  it("Dongguan's 3 days are its 门特 clause only, its general ceiling a setting; Chongqing's 7 days cite its own notice as a ceiling [R-VALID]", () => {
    const dongguan = packs.find((p) => p.id === '441900');
    const chongqing = packs.find((p) => p.id === '500000');
    const fallback = packs.find((p) => p.id === 'default');
    expect(dongguan?.chronicSpecialValidity).toEqual({ days: 3, from: 'issue' });
    expect(dongguan?.citations.chronicSpecialValidity).toMatchObject({ document: '001' });
    expect(dongguan?.citations.chronicSpecialValidity.source).toContain('门特');
    expect(dongguan?.validity.days).not.toBe(3);
    expect(dongguan?.citations.validity.document).toBeNull();
    expect(dongguan?.citations.validity.source.startsWith('本药店设置')).toBe(true);
    for (const other of packs.filter((p) => p !== dongguan)) {
      expect(other.chronicSpecialValidity, other.id).toBeNull();
      expect(other.citations.validity.document, other.id).not.toBe('001');
    }
    expect(chongqing?.citations.validity).toMatchObject({ document: '004' });
    expect(chongqing?.citations.validity.source).toContain('上限');
    expect(fallback?.citations.validity.document).toBeNull();
    expect(fallback?.citations.validity.source).not.toContain('东医保');
  });

  it('refuses a pack that cites another region’s document, or an uncited value not marked as a setting [R-LONGRX]', () => {
    const chongqing = raw('500000');
    const liaoningInChongqing = structuredClone(chongqing);
    liaoningInChongqing.citations.longRxMaxDays = {
      ruleId: 'R-LONGRX',
      document: '002',
      source: '辽医保办发〔2023〕1号 §四(二)：长期处方最长可开具12周（84天）',
    };
    expect(() => parsePolicyPack(liaoningInChongqing, '500000.json')).toThrow(
      /不适用于重庆市.*longRxMaxDays/,
    );

    const namedInText = structuredClone(chongqing);
    namedInText.citations.longRxMaxDays = {
      ruleId: 'R-LONGRX',
      document: null,
      source: '本药店设置：参照辽医保办发〔2023〕1号 §四(二)',
    };
    expect(() => parsePolicyPack(namedInText, '500000.json')).toThrow(/不适用于重庆市/);

    const unmarked = structuredClone(chongqing);
    unmarked.citations.longRxMaxDays = {
      ruleId: 'R-LONGRX',
      document: null,
      source: '长期处方84天',
    };
    expect(() => parsePolicyPack(unmarked, '500000.json')).toThrow(/本药店设置/);
  });

  it('the default pack, bound to no region, may cite national documents only [R-REGION]', () => {
    const fallback = packs.find((p) => p.id === 'default');
    if (!fallback) throw new Error('no default pack');
    for (const param of POLICY_PARAMETERS)
      expect(citesForeignDocument(fallback, param)).toBe(false);
    expect(
      citesForeignDocument(
        {
          ...fallback,
          citations: {
            ...fallback.citations,
            validity: { ruleId: 'R-VALID', document: '001', source: '东医保〔2024〕41号 §三(一)' },
          },
        },
        'validity',
      ),
    ).toBe(true);
  });

  it('refuses a pack extending dual-channel paper beyond 3 months after 2025-01-01 [R-PAPER-EXT][R-PAPER-DUAL]', () => {
    const extended = (cutoff: string) => ({ ...raw('500000'), dualChannelPaperCutoff: cutoff });
    expect(parsePolicyPack(extended('2025-04-01'), '500000.json').dualChannelPaperCutoff).toBe(
      '2025-04-01',
    );
    expect(() => parsePolicyPack(extended('2025-04-02'), '500000.json')).toThrow(
      /延长纸质处方使用时间不超过3个月.*R-PAPER-EXT/,
    );
    for (const pack of packs) expect(pack.dualChannelPaperCutoff <= '2025-04-01').toBe(true);
  });

  it('refuses a pack whose province-approved paper extension runs more than 3 months from its approval [R-PAPER-EXT]', () => {
    const withExtension = (approvedOn: string, until: string) => ({
      ...raw('500000'),
      paperExtension: { approvedOn, document: '渝医保函〔2025〕9号', until },
    });
    const ok = parsePolicyPack(withExtension('2025-01-31', '2025-04-30'), '500000.json');
    expect(ok.paperExtension).toEqual({
      approvedOn: '2025-01-31',
      document: '渝医保函〔2025〕9号',
      until: '2025-04-30',
    });
    expect(() => parsePolicyPack(withExtension('2025-01-31', '2025-05-01'), '500000.json')).toThrow(
      /渝医保函〔2025〕9号.*2025-05-01 不在批准之日起3个月内/,
    );
    expect(() => parsePolicyPack(withExtension('2025-03-01', '2025-02-28'), '500000.json')).toThrow(
      /不在批准之日起3个月内/,
    );
    for (const pack of packs) expect(pack.citations.paperExtension.ruleId).toBe('R-PAPER-EXT');
  });

  it('refuses a pack citing the wrong rule for any parameter, the paper and center dates included [R-CENTER][R-PAPER-DUAL][R-LONGRX]', () => {
    for (const [param, wrong] of [
      ['eprescriptionLiveSince', 'R-PAPER-DUAL'],
      ['paperAcceptedUntil', 'R-VALID'],
      ['shortRxWarnDays', 'R-VALID'],
    ] as const) {
      const pack = raw('500000');
      const c = pack.citations[param];
      if (!c) throw new Error(`no citation ${param}`);
      pack.citations[param] = { ...c, ruleId: wrong };
      expect(() => parsePolicyPack(pack, '500000.json'), param).toThrow(
        new RegExp(`规则编号不符：${param}`),
      );
    }
  });
});
