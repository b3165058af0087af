import { createHash } from 'node:crypto';
import type { Out7203 } from '../center/rx/fsi-72xx';
import { layoutFields } from '../center/rx/layout-fields';
import { readLayoutPdf } from '../center/rx/layout-pdf-items';
import type { LayoutComparison, LayoutSummary } from '../contract/types';
import { compareLayout, unreadGroups } from '../domain/layout/compare';
import { findLayoutFields } from '../domain/layout/find-fields';
import { compileLabels, type LayoutLabelSet } from '../domain/layout/label-set';
import type { LayoutReading } from '../domain/layout/layout-text';
import { type LayoutMask, layoutMasks, maskLayoutText } from '../domain/layout/mask-personal';
import { maskIdNumber } from '../domain/mask';

type RxData = Pick<Out7203, 'data' | 'mdtrtinfo' | 'rxdrugdetail'>;

/**
 * R-LAYOUT / ST-EPC-02-007: every field of the structured data against what the layout file
 * states — matches, differs (blocks settlement) or unread (the pharmacist confirms it). A file
 * that cannot be opened at all is `readError`: nothing could be shown beside the data.
 */
export function layoutCheckOf(
  rx: RxData,
  reading: LayoutReading,
  labels: LayoutLabelSet,
): LayoutSummary {
  const expected = layoutFields(rx);
  const found = reading.ok ? findLayoutFields(reading.pages, compileLabels(labels)) : new Map();
  const verdicts = compareLayout(expected, found);
  const personal = new Set(expected.filter((f) => f.personal).map((f) => f.key));
  const fields = verdicts.map((v): LayoutComparison => {
    const show = (s: string) => (personal.has(v.key) ? maskPersonal(v.key, s, rx) : s);
    return {
      key: v.key,
      label: v.label,
      group: v.group,
      structured: show(v.expected),
      inFile: v.found === null ? null : show(v.found.value),
      page: v.found?.page ?? null,
      outcome: v.outcome,
    };
  });
  const outcome = fields.some((f) => f.outcome === 'differs')
    ? 'differs'
    : fields.some((f) => f.outcome === 'unread')
      ? 'unread'
      : 'matches';
  return {
    fields,
    outcome: reading.ok ? outcome : 'unread',
    unreadGroups: unreadGroups(verdicts),
    readError: reading.ok ? null : `版式文件无法读取：${reading.reason}`,
  };
}

/** As the drawn preview masks it (one function); an ID number of another shape still masked whole. */
function maskPersonal(key: string, value: string, rx: RxData): string {
  const masked = maskLayoutText(
    value,
    key === 'patnName' ? [value] : [rx.mdtrtinfo.patn_name ?? ''],
  );
  return key === 'certno' && masked === value ? maskIdNumber(value) : masked;
}

const CACHE_SIZE = 64;

/**
 * Reads layout files once: a prescription's file never changes, so its reading is kept by
 * content digest (bounded) and every later view only re-compares (region labels may change).
 */
export function createLayoutChecker(labels: () => LayoutLabelSet) {
  const readings = new Map<string, Promise<LayoutReading>>();
  function read(pdf: Uint8Array): Promise<LayoutReading> {
    const digest = createHash('sha256').update(pdf).digest('hex');
    let reading = readings.get(digest);
    if (!reading) {
      reading = readLayoutPdf(pdf);
      readings.set(digest, reading);
      if (readings.size > CACHE_SIZE) readings.delete(readings.keys().next().value ?? '');
    }
    return reading;
  }
  return {
    async check(rx: RxData, pdf: Uint8Array): Promise<LayoutSummary> {
      return layoutCheckOf(rx, await read(pdf), labels());
    },
    /** Where the drawn file shows the patient's personal data, masked as the table masks it. */
    async masks(rx: RxData, pdf: Uint8Array): Promise<LayoutMask[]> {
      const reading = await read(pdf);
      if (!reading.ok) return [];
      // the name the file states under its label too, where it differs from the data's
      const inFile = findLayoutFields(reading.pages, compileLabels(labels())).get('patnName');
      return layoutMasks(reading.pages, [rx.mdtrtinfo.patn_name ?? '', inFile?.value ?? '']);
    },
  };
}
export type LayoutChecker = ReturnType<typeof createLayoutChecker>;
