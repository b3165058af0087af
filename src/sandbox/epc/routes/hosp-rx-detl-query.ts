import { rxStatusName } from '../../../center/rx/rx-status';
import { Refusal } from '../../refusal';
import { EPC_CODES } from '../codes';
import type { EpcRoute } from '../context';
import { FieldReader } from '../fields';

interface Row {
  hi_rxno: string;
  rx_trace_code: string;
  fixmedins_code: string;
  patn_name: string;
  psn_cert_type: string;
  certno: string;
  mdtrt_id: string;
  rx_stas_codg: string;
  upload_chk: string;
}

/**
 * hospRxDetlQuery 信息查询: the prescription as the hospital uploaded it, with its numbers and
 * status. A hospital only sees its own prescriptions; optional filters must all match.
 */
export const hospRxDetlQuery: EpcRoute = (ctx) => {
  const f = new FieldReader();
  const fixmedinsCode = f.required(ctx.data, 'fixmedinsCode', '定点医疗机构编号');
  const hiRxno = f.required(ctx.data, 'hiRxno', '医保处方编号');
  f.done();
  if (fixmedinsCode !== ctx.app.fixmedinsCode) {
    throw new Refusal(`定点医疗机构编号 ${fixmedinsCode} 与应用所属机构不符`, EPC_CODES.validation);
  }
  const row = ctx.db.prepare('SELECT * FROM epc_prescriptions WHERE hi_rxno = ?').get(hiRxno) as
    | Row
    | undefined;
  const filters: Array<[string, string | undefined]> = [
    ['mdtrtId', row?.mdtrt_id],
    ['psnName', row?.patn_name],
    ['psnCertType', row?.psn_cert_type],
    ['certno', row?.certno],
  ];
  const mismatch = filters.some(([name, actual]) => {
    const wanted = f.text(ctx.data, name);
    return wanted !== '' && wanted !== actual;
  });
  if (!row || row.fixmedins_code !== fixmedinsCode || mismatch) {
    throw new Refusal(`未查询到处方信息：${hiRxno}`, EPC_CODES.notFound);
  }
  const { ecToken: _secret, ...uploaded } = JSON.parse(row.upload_chk) as Record<string, unknown>;
  return {
    ...uploaded,
    hiRxno: row.hi_rxno,
    rxTraceCode: row.rx_trace_code,
    rxStasCodg: row.rx_stas_codg,
    rxStasName: rxStatusName(row.rx_stas_codg),
  };
};
