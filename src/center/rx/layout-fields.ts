import type { Out7203 } from './fsi-72xx';

/**
 * What a prescription's layout file (版式文件, the PDF `rx_file`) states, line by line, and how
 * each statement follows from the structured data (R-LAYOUT, ST-EPC-02-007). The hospital
 * (sandbox) renders one text line `标签：值` per entry; the app reads the lines back out of the
 * PDF and marks every entry equal or different. A label missing from the file is "different".
 */
export interface LayoutField {
  /** Label printed before the full-width colon, unique within one prescription. */
  label: string;
  /** Expected value, derived from the structured (downloaded) data. */
  expected: string;
  /** Personal data: shown masked on screens that do not need it. */
  personal?: boolean;
}

export const LAYOUT_SEPARATOR = '：';

function text(v: unknown): string {
  return v === undefined || v === null ? '' : String(v).trim();
}

export function layoutFields(
  rx: Pick<Out7203, 'data' | 'mdtrtinfo' | 'rxdrugdetail'>,
): LayoutField[] {
  const d = rx.data;
  const m = rx.mdtrtinfo;
  const fields: LayoutField[] = [
    { label: '医保处方编号', expected: text(d.hi_rxno) },
    { label: '处方追溯码', expected: text(d.rx_trace_code) },
    { label: '开方机构', expected: text(d.fixmedins_name) },
    { label: '机构编码', expected: text(d.fixmedins_code) },
    { label: '开方时间', expected: text(d.prsc_time) },
    { label: '有效期至', expected: text(d.valid_end_time) },
    { label: '患者姓名', expected: text(m.patn_name), personal: true },
    { label: '证件号码', expected: text(m.certno), personal: true },
    { label: '诊断', expected: text(m.maindiag_name) },
    { label: '开方医师', expected: text(m.prsc_dr_name) },
    { label: '审核药师', expected: text(m.phar_name) },
  ];
  rx.rxdrugdetail.forEach((line, i) => {
    const n = i + 1;
    fields.push(
      { label: `药品${n}`, expected: `${text(line.drug_genname)} ${text(line.drug_spec)}`.trim() },
      { label: `数量${n}`, expected: `${text(line.drug_cnt)}${text(line.drug_dosunt)}` },
      {
        label: `用法${n}`,
        expected: [
          text(line.medc_way_dscr),
          line.sin_doscnt == null ? '' : `每次${text(line.sin_doscnt)}${text(line.sin_dosunt)}`,
          text(line.used_frqu_name),
          line.medc_days == null ? '' : `${text(line.medc_days)}天`,
        ]
          .filter(Boolean)
          .join(' '),
      },
    );
  });
  return fields;
}

/** The text line the layout file carries for a field. */
export function layoutLine(field: Pick<LayoutField, 'label' | 'expected'>): string {
  return `${field.label}${LAYOUT_SEPARATOR}${field.expected}`;
}
