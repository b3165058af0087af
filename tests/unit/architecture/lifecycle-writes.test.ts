import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Machine, TRANSITIONS } from '../../../src/domain/lifecycle/transitions';

const ROOT = path.resolve(import.meta.dirname, '../../..');

/** The counter's backend (the sandbox is another system; migrations only create tables). */
function counterFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(path.join(ROOT, dir))) {
    const rel = path.join(dir, name);
    if (rel === 'src/sandbox' || rel === 'src/store/migrations') continue;
    if (statSync(path.join(ROOT, rel)).isDirectory()) out.push(...counterFiles(rel));
    else if (/\.tsx?$/.test(name)) out.push(rel);
  }
  return out;
}

/** The column each lifecycle table keeps its state in. */
const STATE_COLUMNS: Record<string, { machine: Machine; column: string }> = {
  settlements: { machine: 'settlement', column: 'state' },
  dispensings: { machine: 'dispensing', column: 'state' },
  paper_prescriptions: { machine: 'paper', column: 'status' },
  dispensing_uploads: { machine: 'upload', column: 'state' },
  complaints: { machine: 'complaint', column: 'state' },
  delivery_orders: { machine: 'delivery', column: 'state' },
  stay_handovers: { machine: 'stay', column: 'state' },
};

/**
 * Every state write the code makes, read from its text: each SQL UPDATE of a lifecycle column
 * (to = the value set, from = the state its WHERE requires), and each call of the settlement
 * repository's generic setState(id, from, to). A write whose from or to is not a literal is
 * reported as such, so it cannot slip past the table.
 */
function stateWrites(): string[] {
  const writes: string[] = [];
  const files = ['src/store', 'src/services', 'src/api', 'src/host'].flatMap(counterFiles);
  for (const file of files) {
    const text = readFileSync(path.join(ROOT, file), 'utf8');
    for (const m of text.matchAll(/UPDATE\s+(\w+)\s+SET\s+([^`"]*)/g)) {
      const target = STATE_COLUMNS[m[1] ?? ''];
      if (!target) continue;
      const statement = m[2] ?? '';
      const [set, where = ''] = statement.split(/\bWHERE\b/);
      const to = new RegExp(`\\b${target.column}\\s*=\\s*('(\\w+)'|\\?)`).exec(set ?? '');
      if (!to) continue;
      const from = new RegExp(`\\b${target.column}\\s*=\\s*('(\\w+)'|\\?)`).exec(where);
      const generic = to[2] === undefined || from?.[2] === undefined;
      if (generic && !isGuardedSetState(file, text, m.index ?? 0)) {
        writes.push(`${file}: ${target.machine}: unreadable write ${m[0].slice(0, 80)}`);
      } else if (!generic) {
        writes.push(`${target.machine}: ${from?.[2]} → ${to[2]}`);
      }
    }
    for (const m of text.matchAll(/\.setState\(\s*[^,\n]+,\s*'(\w+)',\s*'(\w+)'/g)) {
      writes.push(`settlement: ${m[1]} → ${m[2]}`);
    }
    for (const m of text.matchAll(/\.setState\(\s*[^,\n]+,\s*(?![\s'])[^,\n]+,/g)) {
      writes.push(`${file}: settlement: setState with a state that is not a literal: ${m[0]}`);
    }
  }
  return [...new Set(writes)].sort();
}

/** The one generic write (settlements.state = ?) goes through assertTransition right before it. */
function isGuardedSetState(file: string, text: string, at: number): boolean {
  if (file !== 'src/store/settlement-repository.ts') return false;
  const before = text.slice(Math.max(0, at - 300), at);
  return /setState\(id: number, from: SettlementState, to: SettlementState[^)]*\)[^{]*\{\s*assertTransition\('settlement', from, to\);/.test(
    before,
  );
}

const tableMoves = () =>
  (Object.keys(TRANSITIONS) as Machine[])
    .flatMap((machine) =>
      Object.entries(TRANSITIONS[machine] as Record<string, readonly string[]>).flatMap(
        ([from, tos]) => tos.map((to) => `${machine}: ${from} → ${to}`),
      ),
    )
    .sort();

describe('lifecycle writes', () => {
  it('every state change the store and services make is a move of its transition table, and every move is made somewhere [ARCH][R-SETTLE][R-REVERSE]', () => {
    expect(stateWrites()).toEqual(tableMoves());
  });
});
