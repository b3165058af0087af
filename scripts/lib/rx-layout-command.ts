import fs from 'node:fs';
import path from 'node:path';
import { type Out7203, SIGNED_FIELD_SOURCES } from '../../src/center/rx/fsi-72xx';
import { readLayoutPdf } from '../../src/center/rx/layout-pdf-items';
import { rxFileSchema, type SignedField } from '../../src/center/rx/rx-file';
import { findLayoutFields } from '../../src/domain/layout/find-fields';
import { compileLabels } from '../../src/domain/layout/label-set';
import { maskIdNumber, maskName } from '../../src/domain/mask';
import { loadLayoutLabels } from '../../src/services/layout-labels';
import { layoutCheckOf } from '../../src/services/rx-layout-check';
import { ROOT } from './cli';

type RxData = Pick<Out7203, 'data' | 'mdtrtinfo' | 'rxdrugdetail'>;

/** Personal data read off a layout is printed masked: the file itself is where to read it. */
const PERSONAL: Record<string, (v: string) => string> = {
  patnName: maskName,
  certno: (v) => (/^\d{17}[\dXx]$/.test(v) ? maskIdNumber(v) : v),
};

/** The structured data of a `*.rx.json`: its signed fields and drug lines, placed as 7203 has them. */
function structuredOf(text: string): RxData {
  const file = rxFileSchema.parse(JSON.parse(text));
  const signed = JSON.parse(Buffer.from(file.originalValue, 'base64').toString('utf8')) as Record<
    string,
    unknown
  >;
  const data: Record<string, unknown> = { prsc_time: file.prsc_time ?? '' };
  const mdtrtinfo: Record<string, unknown> = {};
  for (const [field, { node, key }] of Object.entries(SIGNED_FIELD_SOURCES)) {
    (node === 'data' ? data : mdtrtinfo)[key] = signed[field as SignedField] ?? '';
  }
  return { data, mdtrtinfo, rxdrugdetail: file.rxdrugdetail } as unknown as RxData;
}

/**
 * `npm run rx -- layout <file.pdf> [--against <file.rx.json>] [--region <id>]`: what the layout
 * reader finds in a hospital's layout file (field → value, page, position), or with --against
 * the per-field verdicts (matches / differs / unread). Support staff use it on a new hospital
 * layout; a new layout is then a change of config/layout/<region>.json. Exit 0 when the file
 * could be read, 1 when not, 2 on usage errors.
 */
export async function layoutCommand(
  pdfFile: string,
  opts: { against?: string | undefined; region?: string | undefined },
): Promise<number> {
  let pdf: Buffer;
  let rx: RxData | null = null;
  try {
    pdf = fs.readFileSync(pdfFile);
    if (opts.against) rx = structuredOf(fs.readFileSync(opts.against, 'utf8'));
  } catch (e) {
    process.stderr.write(`无法读取输入文件：${e instanceof Error ? e.message : String(e)}\n`);
    return 2;
  }
  const labels = loadLayoutLabels(path.join(ROOT, 'config/policy'))(opts.region ?? 'default');
  const reading = await readLayoutPdf(pdf);
  const out: Record<string, unknown> = {
    file: path.basename(pdfFile),
    readable: reading.ok,
    ...(reading.ok
      ? {
          pages: reading.pages.length,
          textItems: reading.pages.reduce((n, p) => n + p.items.length, 0),
        }
      : { reason: reading.reason }),
  };
  if (rx) {
    const check = layoutCheckOf(rx, reading, labels);
    out.outcome = check.outcome;
    out.fields = check.fields.map((f) => ({
      key: f.key,
      label: f.label,
      structured: f.structured,
      inFile: f.inFile,
      page: f.page,
      outcome: f.outcome,
    }));
    out.unreadGroups = check.unreadGroups;
  } else if (reading.ok) {
    const found = findLayoutFields(reading.pages, compileLabels(labels));
    out.fields = Object.fromEntries(
      [...found].map(([key, v]) => {
        const mask = PERSONAL[key];
        return [
          key,
          {
            value: mask ? mask(v.value) : v.value,
            label: v.label,
            page: v.page,
            x: Math.round(v.x * 10) / 10,
            y: Math.round(v.y * 10) / 10,
          },
        ];
      }),
    );
  }
  process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
  return reading.ok ? 0 : 1;
}
