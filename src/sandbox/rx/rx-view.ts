import { dateTime, parseDateTime } from '../../center/clock';
import { type Out7203, SIGNED_FIELD_SOURCES } from '../../center/rx/fsi-72xx';
import { type LayoutField, layoutFields } from '../../center/rx/layout-fields';
import { SIGNED_FIELDS, type SignedFields } from '../../center/rx/rx-file';
import { isObject } from '../http-util';
import { snakeDrugLines, snakeObject } from './snake-case';

/**
 * The structured prescription as 7203/7204 present it (snake_case), built from the uploadChk
 * body and the 20 signed fields. The hospital renders its layout PDF from this same view
 * before signing, so the file states exactly what the pharmacy later downloads (R-LAYOUT).
 */
export interface RxView {
  data: Record<string, unknown> & {
    hi_rxno: string;
    rx_trace_code: string;
    fixmedins_code: string;
    fixmedins_name: string;
    prsc_time: string;
    valid_end_time: string;
  };
  mdtrtinfo: Record<string, unknown> & { patn_name: string; certno: string };
  rxdrugdetail: Record<string, unknown>[];
  diseinfo: Record<string, unknown>[];
}

const DAY_MS = 86_400_000;

function text(v: unknown): string {
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '';
}

function list(v: unknown): Record<string, unknown>[] {
  return Array.isArray(v) ? v.filter(isObject) : [];
}

/** valiEndTime as uploaded, else prscTime + valiDays days. */
export function validEndTime(upload: Record<string, unknown>): string {
  const given = text(upload.valiEndTime);
  if (parseDateTime(given)) return given;
  const start = parseDateTime(text(upload.prscTime));
  const days = Number(text(upload.valiDays));
  if (!start || !Number.isFinite(days)) return '';
  return dateTime(new Date(start.getTime() + days * DAY_MS));
}

export function buildRxView(
  upload: Record<string, unknown>,
  signed: SignedFields,
  extra: {
    insuplcAdmdvs?: string;
    /** The center's registers on the prescriber (R-DUAL-FIX); absent in the hospital's own view. */
    dualChannel?: { hospLv: string; specName: string; responsible: boolean };
  } = {},
): RxView {
  const visit = isObject(upload.mdtrtinfo) ? upload.mdtrtinfo : {};
  const lines = snakeDrugLines(list(upload.rxdrugdetail));
  const diseinfo = list(upload.diseinfo).map(snakeObject);
  const mainDiag = diseinfo.find((d) => text(d.maindiag_flag) === '1') ?? diseinfo[0];
  const mdtrtinfo: Record<string, unknown> = { ...snakeObject(visit) };
  for (const f of SIGNED_FIELDS) {
    const { node, key } = SIGNED_FIELD_SOURCES[f];
    if (node === 'mdtrtinfo') mdtrtinfo[key] = signed[f];
  }
  delete mdtrtinfo.fixmedins_code;
  delete mdtrtinfo.fixmedins_name;
  mdtrtinfo.maindiag_code = text(visit.maindiagCode) || text(mainDiag?.diag_code);
  mdtrtinfo.maindiag_name = text(visit.maindiagName) || text(mainDiag?.diag_name);
  if (extra.insuplcAdmdvs) mdtrtinfo.insuplc_admdvs = extra.insuplcAdmdvs;
  if (extra.dualChannel) {
    mdtrtinfo.x_hosp_lv = extra.dualChannel.hospLv;
    mdtrtinfo.x_spec_hosp = extra.dualChannel.specName;
    mdtrtinfo.x_dual_resp_dr = extra.dualChannel.responsible ? '1' : '0';
  }
  mdtrtinfo.x_dual_apply_no = text(visit.xDualApplyNo);
  return {
    data: {
      hi_rxno: signed.hiRxno,
      rx_trace_code: signed.rxTraceCode,
      fixmedins_code: signed.fixmedinsCode,
      fixmedins_name: signed.fixmedinsName,
      prsc_time: text(upload.prscTime),
      rx_type_code: text(upload.rxTypeCode),
      long_rx_flag: text(upload.longRxFlag) || '0',
      valid_days: upload.valiDays as number | string,
      valid_end_time: validEndTime(upload),
      rx_drug_nums: (upload.rxDrugCnt as number | string | undefined) ?? lines.length,
    },
    mdtrtinfo: mdtrtinfo as RxView['mdtrtinfo'],
    rxdrugdetail: lines,
    diseinfo,
  };
}

/** The layout lines (R-LAYOUT) of a view: what the PDF carries and the app compares. */
export function viewLayoutFields(view: RxView): LayoutField[] {
  // layoutFields reads only fields every view has; the rest of Out7203 is not needed.
  return layoutFields(view as unknown as Pick<Out7203, 'data' | 'mdtrtinfo' | 'rxdrugdetail'>);
}
