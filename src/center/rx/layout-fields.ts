import type { ExpectedLayoutField } from '../../domain/layout/compare';
import type { Out7203 } from './fsi-72xx';

/**
 * What a prescription's layout file (版式文件, the PDF `rx_file`) states, line by line, and how
 * each statement follows from the structured data (R-LAYOUT, ST-EPC-02-007). The hospital
 * (sandbox) renders one text line `标签：值` per entry; hospitals print their own 处方笺 grids,
 * read with the label synonyms of config/layout (src/domain/layout). `label` is what the sandbox
 * prints and the screen shows; `key` is what the reader finds it under.
 */
export type LayoutField = ExpectedLayoutField & {
  /** Personal data: shown masked on screens that do not need it. */
  personal?: boolean;
};

export const LAYOUT_SEPARATOR = '：';

function text(v: unknown): string {
  return v === undefined || v === null ? '' : String(v).trim();
}

export function layoutFields(
  rx: Pick<Out7203, 'data' | 'mdtrtinfo' | 'rxdrugdetail'>,
): LayoutField[] {
  const d = rx.data;
  const m = rx.mdtrtinfo;
  const rxField = (key: string, label: string, expected: unknown, dateTime = false) => ({
    key,
    label,
    expected: text(expected),
    group: 'rx' as const,
    kind: dateTime ? ('dateTime' as const) : ('text' as const),
  });
  const fields: LayoutField[] = [
    rxField('hiRxno', '医保处方编号', d.hi_rxno),
    rxField('rxTraceCode', '处方追溯码', d.rx_trace_code),
    rxField('fixmedinsName', '开方机构', d.fixmedins_name),
    rxField('fixmedinsCode', '机构编码', d.fixmedins_code),
    rxField('prscTime', '开方时间', d.prsc_time, true),
    rxField('validEndTime', '有效期至', d.valid_end_time, true),
    {
      key: 'patnName',
      label: '患者姓名',
      expected: text(m.patn_name),
      group: 'patient',
      kind: 'name',
      personal: true,
    },
    {
      key: 'certno',
      label: '证件号码',
      expected: text(m.certno),
      group: 'patient',
      kind: 'idNumber',
      personal: true,
    },
    rxField('diagnosis', '诊断', m.maindiag_name),
    {
      key: 'doctor',
      label: '开方医师',
      expected: text(m.prsc_dr_name),
      group: 'prescriber',
      kind: 'text',
    },
    {
      key: 'pharmacist',
      label: '审核药师',
      expected: text(m.phar_name),
      group: 'prescriber',
      kind: 'text',
    },
  ];
  rx.rxdrugdetail.forEach((line, i) => {
    const n = i + 1;
    const drug = { group: 'drugs' as const, kind: 'text' as const };
    fields.push(
      {
        ...drug,
        key: `drug.${n}`,
        label: `药品${n}`,
        expected: `${text(line.drug_genname)} ${text(line.drug_spec)}`.trim(),
      },
      {
        ...drug,
        key: `quantity.${n}`,
        label: `数量${n}`,
        expected: `${text(line.drug_cnt)}${text(line.drug_dosunt)}`,
      },
      {
        ...drug,
        key: `usage.${n}`,
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
