import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../../..');

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(path.join(ROOT, dir))) {
    const rel = path.join(dir, name);
    // the sandbox is another system; the renderer keeps its own display formatting and components
    if (rel === 'src/sandbox' || rel === 'src/renderer') continue;
    if (statSync(path.join(ROOT, rel)).isDirectory()) out.push(...sourceFiles(rel));
    else if (/\.tsx?$/.test(name)) out.push(rel);
  }
  return out;
}

/** Where each name is declared (type, interface, function or const) in the counter's backend. */
function declaredIn(names: readonly string[]): Record<string, string[]> {
  const found: Record<string, string[]> = Object.fromEntries(names.map((n) => [n, []]));
  for (const file of sourceFiles('src')) {
    const text = readFileSync(path.join(ROOT, file), 'utf8');
    for (const name of names) {
      const declaration = new RegExp(
        `^\\s*(?:export\\s+)?(?:type|interface|function|const|class)\\s+${name}\\b`,
        'm',
      );
      if (declaration.test(text)) found[name]?.push(file);
    }
  }
  return found;
}

describe('the lifecycle, money and the pure sale rules live in the domain', () => {
  it('each lifecycle state and money type is declared once, in src/domain [ARCH]', () => {
    const names = [
      'SettlementState',
      'DispensingState',
      'PaperStatus',
      'UploadState',
      'Money',
      'DispensingLine',
      'DispensingCode',
      'SoldCodeWithSale',
      'CenterRefusedCode',
      'ScanRefusalReason',
    ] as const;
    expect(declaredIn(names)).toEqual({
      SettlementState: ['src/domain/lifecycle/states.ts'],
      DispensingState: ['src/domain/lifecycle/states.ts'],
      PaperStatus: ['src/domain/lifecycle/states.ts'],
      UploadState: ['src/domain/lifecycle/states.ts'],
      Money: ['src/domain/money.ts'],
      DispensingLine: ['src/domain/dispense/dispensing-lines.ts'],
      DispensingCode: ['src/domain/dispense/dispensing-lines.ts'],
      SoldCodeWithSale: ['src/domain/trace/sold-code.ts'],
      CenterRefusedCode: ['src/domain/trace/sold-code.ts'],
      ScanRefusalReason: ['src/domain/dispense/scan-decision.ts'],
    });
  });

  it('money arithmetic, the scan decision, FEFO and fee lines are one pure function each, in src/domain [ARCH][R-TRACE][R-TRACE-ONCE][R-NOSWAP][R-SETTLE]', () => {
    const names = [
      'yuanText',
      'fenOf',
      'yuanNumber',
      'money',
      'decideScan',
      'remaining',
      'allocateFefo',
      'feeLines',
      'settleInput',
      'SETTLE_CODES',
      'TRANSITIONS',
      'assertTransition',
    ] as const;
    expect(declaredIn(names)).toEqual({
      yuanText: ['src/domain/money.ts'],
      fenOf: ['src/domain/money.ts'],
      yuanNumber: ['src/domain/money.ts'],
      money: ['src/domain/money.ts'],
      decideScan: ['src/domain/dispense/scan-decision.ts'],
      remaining: ['src/domain/dispense/scan-decision.ts'],
      allocateFefo: ['src/domain/dispense/fefo.ts'],
      feeLines: ['src/domain/settlement/fee-lines.ts'],
      settleInput: ['src/domain/settlement/fee-lines.ts'],
      SETTLE_CODES: ['src/domain/settlement/settle-codes.ts'],
      TRANSITIONS: ['src/domain/lifecycle/transitions.ts'],
      assertTransition: ['src/domain/lifecycle/transitions.ts'],
    });
  });
});
