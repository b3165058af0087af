import { Refusal } from '../../refusal';
import { recordFindings } from '../../supervision/records';
import { findingsFor, type OrderLine } from '../../supervision/rules';
import {
  type FsiContext,
  type FsiResult,
  type FsiTransaction,
  field,
  inputData,
  requireField,
} from '../context';

type Node = Record<string, unknown>;

const nodes = (v: unknown): Node[] =>
  Array.isArray(v) ? v.filter((x): x is Node => typeof x === 'object' && x !== null) : [];

function orderLine(o: Node): OrderLine {
  const cnt = Number(o.cnt);
  if (!Number.isFinite(cnt) || cnt <= 0) throw new Refusal('数量（cnt）须为正数');
  return {
    rxId: field(o, 'rx_id'),
    code: requireField(o, 'hilist_code', '医保目录编码'),
    name: field(o, 'hilist_name'),
    cnt,
    unit: field(o, 'cnt_prcunt'),
    sumamt: Number(o.sumamt) || 0,
  };
}

/** 3101 and 3102 alike: the findings on the lines, recorded for the 3103 feedback. */
export function supervisionFindings(ctx: FsiContext, infno: '3101' | '3102'): FsiResult {
  const data = inputData(ctx);
  const psnNo = requireField(data, 'patient_id', '参保人标识');
  requireField(data, 'trig_scen', '触发场景');
  const encounters = nodes(data.fsi_encounter_dtos);
  const lines = encounters.flatMap((e) => nodes(e.fsi_order_dtos)).map(orderLine);
  if (lines.length === 0) throw new Refusal('审核明细（fsi_order_dtos）不能为空');
  const { msgid, fixmedins_code: fixmedinsCode } = ctx.request;
  const result = findingsFor(ctx.db, psnNo, lines, ctx.now, msgid);
  recordFindings(ctx.db, { infno, msgid, fixmedinsCode, psnNo, now: ctx.now }, result);
  return { output: { result } };
}

/**
 * 3101 明细审核事前事中分析服务: the supervision subsystem's findings on the lines about to be
 * settled, with their severity (sev_deg 1 明确违规, 2 高度可疑, 3 轻度可疑), kept for feedback.
 */
export const supervisionCheck3101: FsiTransaction = {
  name: '明细审核事前事中分析服务',
  requiresSignIn: true,
  run: (ctx) => supervisionFindings(ctx, '3101'),
};
