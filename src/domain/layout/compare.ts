import type { FoundValue } from './find-fields';
import { comparable, sameDateTime, sameMasked } from './normalise';

/**
 * R-LAYOUT (004 §二(三)3, ST-EPC-02-007): each field the structured data states, against the
 * layout file — three outcomes, never two. `differs` blocks settlement; `unread` (no text, an
 * unknown layout, a label not found) is never taken for either: the pharmacist reads the file
 * beside the data and confirms each unread group.
 */
export type LayoutOutcome = 'matches' | 'differs' | 'unread';

export const LAYOUT_GROUPS = {
  rx: '处方信息',
  patient: '患者信息',
  prescriber: '医师与审核药师',
  drugs: '药品明细',
} as const;
export type LayoutGroup = keyof typeof LAYOUT_GROUPS;

export type LayoutValueKind = 'text' | 'dateTime' | 'name' | 'idNumber';

export interface ExpectedLayoutField {
  /** `hiRxno`, or `drug.1` for a drug line. */
  key: string;
  /** The label our own (sandbox) layout prints, and the screen shows. */
  label: string;
  expected: string;
  group: LayoutGroup;
  kind: LayoutValueKind;
}

export interface LayoutFieldVerdict {
  key: string;
  label: string;
  group: LayoutGroup;
  expected: string;
  found: FoundValue | null;
  outcome: LayoutOutcome;
}

function same(kind: LayoutValueKind, printed: string, expected: string): boolean {
  if (kind === 'dateTime') return sameDateTime(printed, expected);
  if (kind === 'name' || kind === 'idNumber') return sameMasked(printed, expected);
  return comparable(printed) === comparable(expected);
}

export function compareLayout(
  expected: readonly ExpectedLayoutField[],
  found: ReadonlyMap<string, FoundValue>,
): LayoutFieldVerdict[] {
  // A value the structured data leaves empty states nothing the file could confirm or contradict.
  return expected
    .filter((f) => f.expected !== '')
    .map((f) => {
      const hit = found.get(f.key) ?? null;
      const outcome: LayoutOutcome =
        hit === null ? 'unread' : same(f.kind, hit.value, f.expected) ? 'matches' : 'differs';
      return {
        key: f.key,
        label: f.label,
        group: f.group,
        expected: f.expected,
        found: hit,
        outcome,
      };
    });
}

/** The groups with at least one unread field: what the pharmacist must confirm, in order. */
export function unreadGroups(
  verdicts: readonly LayoutFieldVerdict[],
): Array<{ group: LayoutGroup; name: string; labels: string[] }> {
  return (Object.keys(LAYOUT_GROUPS) as LayoutGroup[])
    .map((group) => ({
      group,
      name: LAYOUT_GROUPS[group],
      labels: verdicts
        .filter((v) => v.group === group && v.outcome === 'unread')
        .map((v) => v.label),
    }))
    .filter((g) => g.labels.length > 0);
}
