import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../src/domain/errors';
import { packCitation } from '../../../src/domain/policy/pack-citation';
import { POLICY_PARAMETERS } from '../../../src/domain/policy/policy-pack';
import { computeRiskSignals } from '../../../src/domain/risk/compute';
import { citation, RULES, type RuleId, ruleCitationForUsers } from '../../../src/domain/rules';
import { loadPolicyPacks } from '../../../src/services/policy-loader';
import { JUNE, line, paperRx, REGION, refusal, supplyOf, T } from '../risk/fixtures';

/** An internal seed file number where a document's title and section belong: "004 §二", "000 前言". */
const SEED_NUMBER = /\b00\d\s*(§|ST-|前言)|种子文件\s*00\d/;
const CONFIG = path.resolve(import.meta.dirname, '../../../config');
const ruleIds = Object.keys(RULES) as RuleId[];

describe('citations users can read', () => {
  it('every rule refusal (AppError, finding citation) names its documents by title and section, never a seed file number [R-CHECKS]', () => {
    for (const id of ruleIds) {
      const shown = [
        citation(id),
        ruleCitationForUsers(id),
        new AppError('POLICY', '拒绝', { ruleId: id }).toShape().citation ?? '',
      ];
      for (const text of shown) expect(text, id).not.toMatch(SEED_NUMBER);
      expect(ruleCitationForUsers(id), id).toMatch(/《.+》|国家医保局|医疗保障局/);
    }
    expect(new AppError('POLICY', '拒绝', { ruleId: 'R-LAYOUT' }).toShape().citation).toContain(
      '《关于做好医保电子处方流转有关工作的通知》渝医保办〔2023〕70号 §二(三)3',
    );
  });

  it('every pack parameter refusal reads as title and section or as the pharmacy setting [R-VALID][R-LONGRX][R-REGION]', () => {
    for (const pack of loadPolicyPacks(path.join(CONFIG, 'policy'))) {
      for (const param of POLICY_PARAMETERS) {
        const c = pack.citations[param];
        const shown = packCitation(c.ruleId, pack, param);
        expect(shown, `${pack.id}.${param}`).not.toMatch(SEED_NUMBER);
        expect(shown, `${pack.id}.${param}`).not.toContain('种子文件');
      }
    }
  });

  it('risk signals and their thresholds cite documents by title, never a seed file number, and the long-prescription limit as the region pack gives it [R-RISK][R-LONGRX]', () => {
    const code = '80103710000000009999';
    const signals = computeRiskSignals({
      period: JUNE,
      thresholds: T,
      region: REGION,
      paper: [paperRx(1)],
      eRxDispensed: 50,
      lines: [line({ packs: 20 })],
      supply: [],
      supplyNames: supplyOf([])[1],
      refusals: [refusal(code), refusal(code)],
      suspectLeads: [],
      genname: () => '阿莫西林胶囊',
    });
    expect(signals.length).toBeGreaterThan(0);
    for (const s of signals)
      expect(`${s.explanation}${s.threshold}`, s.id).not.toMatch(SEED_NUMBER);
    const thresholds = readFileSync(path.join(CONFIG, 'risk-thresholds.json'), 'utf8');
    expect(thresholds).not.toMatch(SEED_NUMBER);
  });
});
