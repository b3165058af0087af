import type { LayoutComparison } from '../api/types';
import type { Out7203 } from '../center/rx/fsi-72xx';
import { LAYOUT_SEPARATOR, layoutFields } from '../center/rx/layout-fields';
import { extractLayoutLines } from '../center/rx/layout-pdf-text';
import { maskIdNumber, maskName } from '../domain/mask';

export interface LayoutCheck {
  fields: LayoutComparison[];
  allEqual: boolean;
  readError: string | null;
}

/**
 * R-LAYOUT / ST-EPC-02-007: reads the statements out of the layout file and compares each with
 * the structured data. A statement missing from the file counts as different.
 */
export function checkLayout(
  rx: Pick<Out7203, 'data' | 'mdtrtinfo' | 'rxdrugdetail'>,
  pdf: Uint8Array,
): LayoutCheck {
  const expected = layoutFields(rx);
  const read = extractLayoutLines(pdf);
  const inFile = new Map<string, string>();
  if (read.ok) {
    for (const line of read.lines) {
      const at = line.indexOf(LAYOUT_SEPARATOR);
      if (at > 0 && !inFile.has(line.slice(0, at))) {
        inFile.set(line.slice(0, at), line.slice(at + LAYOUT_SEPARATOR.length).trim());
      }
    }
  }
  const fields = expected.map((f): LayoutComparison => {
    const found = inFile.get(f.label) ?? null;
    const show = (v: string) => (f.personal ? maskPersonal(f.label, v) : v);
    return {
      label: f.label,
      structured: show(f.expected),
      inFile: found === null ? null : show(found),
      equal: found === f.expected,
    };
  });
  return {
    fields,
    allEqual: read.ok && fields.every((f) => f.equal),
    readError: read.ok ? null : `版式文件无法读取：${read.reason}`,
  };
}

function maskPersonal(label: string, value: string): string {
  return label.includes('姓名') ? maskName(value) : maskIdNumber(value);
}
