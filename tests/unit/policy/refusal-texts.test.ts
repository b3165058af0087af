import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decideScan } from '../../../src/domain/dispense/scan-decision';
import { AppError } from '../../../src/domain/errors';
import { checkPaperPrescription } from '../../../src/domain/paper/paper-checks';
import type { PaperFields } from '../../../src/domain/paper/paper-types';
import { citation, RULES, type RuleId, ruleCitationForUsers } from '../../../src/domain/rules';
import { parseScannedCode } from '../../../src/domain/trace/parse-scanned-code';
import { loadPolicyPacks } from '../../../src/services/policy-loader';

const ROOT = path.resolve(import.meta.dirname, '../../..');
/** An internal seed file number where a document's title and section belong: "004 §二", "000 前言". */
const SEED_NUMBER = /\b00\d\s*(§|ST-|前言)|种子文件\s*00\d/;
/** A rule id: it belongs in the details line (ruleId + citation), never in the message. */
const RULE_ID = /R-[A-Z][A-Z-]*[A-Z]/;

/** The counter's backend, where refusals are made (the sandbox is another system). */
function backendFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(path.join(ROOT, dir))) {
    const rel = path.join(dir, name);
    if (rel === 'src/sandbox' || rel === 'src/renderer' || rel === 'src/store/migrations') continue;
    if (statSync(path.join(ROOT, rel)).isDirectory()) out.push(...backendFiles(rel));
    else if (/\.tsx?$/.test(name)) out.push(rel);
  }
  return out;
}

/** The argument text of every `new AppError(` call: up to the parenthesis that closes it. */
function appErrorCalls(text: string): string[] {
  const calls: string[] = [];
  for (const m of text.matchAll(/new AppError\(/g)) {
    let depth = 1;
    let i = (m.index ?? 0) + m[0].length;
    const start = i;
    for (; i < text.length && depth > 0; i++) {
      if (text[i] === '(') depth++;
      else if (text[i] === ')') depth--;
    }
    calls.push(text.slice(start, i - 1));
  }
  return calls;
}

/** The message argument's text, with the options object (ruleId, citation, detail) cut off. */
const messageOf = (args: string) => args.split(/,\s*\{\s*(ruleId|citation|detail)\b/)[0] ?? '';

describe('refusals users read: document titles, and rule ids only in the details line', () => {
  it('every registered rule’s citation names its documents by title and section [R-CHECKS][R-COMPLAINT][R-NO-STATS]', () => {
    for (const id of Object.keys(RULES) as RuleId[]) {
      for (const text of [
        citation(id),
        ruleCitationForUsers(id),
        new AppError('POLICY', '拒绝', { ruleId: id }).toShape().citation ?? '',
      ])
        expect(text, id).not.toMatch(SEED_NUMBER);
    }
  });

  it('no AppError the backend throws puts a rule id or a seed file number in its message [R-CHECKS]', () => {
    const offenders: string[] = [];
    for (const file of backendFiles('src')) {
      const text = readFileSync(path.join(ROOT, file), 'utf8');
      for (const args of appErrorCalls(text)) {
        const message = messageOf(args);
        if (
          RULE_ID.test(message) ||
          SEED_NUMBER.test(message) ||
          /\$\{[^}]*\bruleId\b/.test(message)
        )
          offenders.push(`${file}: ${message.replace(/\s+/g, ' ').slice(0, 120)}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it('no backend text puts a rule id in brackets into a message, a blocker or a receipt line [R-SETTLE][R-REVERSE][R-PAPER-KEEP]', () => {
    // Risk-signal explanations are the inspector's page and name the rule they measure on purpose;
    // a policy pack refused at start-up is an administrator's configuration error.
    const exempt = new Set(['src/domain/policy/policy-pack.ts']);
    const offenders: string[] = [];
    for (const file of backendFiles('src')) {
      if (file.startsWith('src/domain/risk/') || exempt.has(file)) continue;
      const lines = readFileSync(path.join(ROOT, file), 'utf8').split('\n');
      lines.forEach((line, i) => {
        if (/^\s*(\*|\/\/|\/\*)/.test(line)) return;
        if (/（[^）]*R-[A-Z][A-Z-]*[^）]*）/.test(line))
          offenders.push(`${file}:${i + 1}: ${line.trim()}`);
      });
    }
    expect(offenders).toEqual([]);
  });

  it('every paper-prescription finding keeps its rule id out of the message and cites documents by title [R-PAPER-VALID][R-PAPER-DUAL][R-VALID][R-REGION]', () => {
    const packs = loadPolicyPacks(path.join(ROOT, 'config', 'policy'));
    const blank: PaperFields = {
      institutionCode: 'H99999900001',
      institutionName: '外地医院',
      serialNo: 'P1',
      rxDate: '2020-01-01',
      physicianName: '某医师',
      patientName: '某患者',
      patientCertno: '123',
      signatureConfirmed: false,
      stampConfirmed: false,
      longRx: false,
      lines: [{ medListCodg: 'X-UNKNOWN', quantity: 999, days: 999 }],
    };
    let seen = 0;
    for (const pack of packs) {
      const findings = checkPaperPrescription(
        blank,
        pack,
        () => undefined,
        new Date('2026-06-01T00:00:00Z'),
      );
      for (const f of findings) {
        seen++;
        expect(f.message, `${pack.id} ${f.code}`).not.toMatch(RULE_ID);
        expect(f.citation, `${pack.id} ${f.code}`).not.toMatch(SEED_NUMBER);
      }
    }
    expect(seen).toBeGreaterThan(packs.length);
  });

  it('every scan refusal carries a rule, and an expired pack names the supply rule, with no rule id in the message [R-TRACE][R-TRACE-ONCE][R-NOSWAP][R-SUPPLY]', () => {
    const at = new Date('2026-06-01T00:00:00Z');
    const cases = [
      'hello',
      '6901234567892',
      '(01)09521234543213(17)991231(21)OLD1',
      '80103710000000001234',
    ];
    const reasons: string[] = [];
    for (const c of cases) {
      const decision = decideScan({
        raw: c,
        parsed: parseScannedCode(c, at),
        drug: undefined,
        lines: [],
        codes: [],
        sold: undefined,
        centerRefused: undefined,
        today: '2026-06-01',
        at: at.getTime(),
      });
      const refuse = 'refuse' in decision ? decision.refuse : null;
      expect(refuse, c).not.toBeNull();
      if (!refuse) continue;
      reasons.push(refuse.reason);
      expect(refuse.ruleId, c).not.toBeNull();
      expect(refuse.message, c).not.toMatch(RULE_ID);
      if (refuse.reason === 'EXPIRED') expect(refuse.ruleId).toBe('R-SUPPLY');
    }
    expect(reasons).toContain('EXPIRED');
  });
});
