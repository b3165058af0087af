import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PrescriptionView } from '../../../src/contract/types';
import { notReviewableReasons } from '../../../src/renderer/prescription/review-verdict';

const root = path.join(import.meta.dirname, '..', '..', '..');

/** Source files whose string literals become text a user reads (not the append-only migrations). */
function sources(dir: string): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = path.join(dir, e.name);
    if (e.isDirectory()) return rel.endsWith(path.join('store', 'migrations')) ? [] : sources(rel);
    return /\.tsx?$/.test(e.name) ? [rel] : [];
  });
}

/** A rule id or seed file number written into a message, e.g. "…（R-LONGRX）" or "004 §二". */
const ID_IN_TEXT =
  /[（，、](R-[A-Z][A-Z0-9-]+|ST-EPC-\d{2}-\d{3})[）、，]|[`'"][^`'"\n]*\b00[0-4] ?§/;
const COMMENT = /^\s*(\*|\/\/|\/\*)/;

describe('text a user reads names documents by title and carries no rule ids (those go in the details line)', () => {
  it('no message, notice or key help in src names a rule id or a seed file number inline [R-PRICE][R-PAPER-DUAL][R-LONGRX]', () => {
    const found = ['src'].flatMap(sources).flatMap((file) => {
      if (file === path.join('src', 'domain', 'rules.ts')) return [];
      return readFileSync(path.join(root, file), 'utf8')
        .split('\n')
        .flatMap((line, i) =>
          !COMMENT.test(line) && !/CITATION/.test(line) && ID_IN_TEXT.test(line)
            ? [`${file}:${i + 1}: ${line.trim()}`]
            : [],
        );
    });
    expect(found).toEqual([]);
  });

  it('the review panel says why a prescription cannot be reviewed without rule ids [R-SIGN][R-LAYOUT]', () => {
    const view = {
      findings: [
        { severity: 'block', ruleId: 'R-VALID' },
        { severity: 'block', ruleId: 'R-REGION' },
      ],
      signature: {
        local: { valid: false, message: '签名不符' },
        center: { state: 'failed', message: '中心拒绝' },
      },
      layout: { outcome: 'differs' },
    } as unknown as PrescriptionView;
    expect(notReviewableReasons(view)).toEqual(['存在2项阻断问题（详见下方红色提示）']);
    const unsigned = { ...view, findings: [] } as unknown as PrescriptionView;
    const reasons = notReviewableReasons(unsigned);
    expect(reasons).toEqual([
      '本地验签未通过：签名不符',
      '医保中心核验（7205）未通过：中心拒绝',
      '结构化数据与版式文件不一致',
    ]);
  });
});
