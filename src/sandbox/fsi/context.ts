import type { SandboxConfig } from '../config';
import type { SandboxDb } from '../db';
import { Refusal } from '../refusal';

/** The request wrapper after validation (fields as the client sent them). */
export interface FsiWrapper {
  infno: string;
  msgid: string;
  mdtrtarea_admvs: string;
  insuplc_admdvs: string;
  recer_sys_code: string;
  dev_no: string;
  dev_safe_info: string;
  cainfo: string;
  signtype: string;
  infver: string;
  opter_type: string;
  opter: string;
  opter_name: string;
  inf_time: string;
  fixmedins_code: string;
  fixmedins_name: string;
  sign_no: string;
  input: Record<string, unknown>;
}

export interface Institution {
  fixmedinsCode: string;
  fixmedinsName: string;
  type: 'pharmacy' | 'hospital';
  admdvs: string;
}

export interface FsiContext {
  db: SandboxDb;
  config: SandboxConfig;
  /** The center's business clock for this request (SandboxClock: real time + test offset). */
  now: Date;
  request: FsiWrapper;
  institution: Institution;
}

export interface FsiResult {
  output: Record<string, unknown>;
  warnMsg?: string;
}

/** One transaction of the gateway, keyed by infno in the dispatch table. */
export interface FsiTransaction {
  /** Chinese name, for logs and docs. */
  name: string;
  /** False only for 9001: everything else needs a live sign_no. */
  requiresSignIn: boolean;
  /** Runs inside the database transaction that records the reply; throw Refusal (infcode -2) to refuse. */
  run(ctx: FsiContext): FsiResult;
}

/** The `input.data` node most transactions use. */
export function inputData(ctx: FsiContext): Record<string, unknown> {
  const data = ctx.request.input.data;
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new Refusal('输入参数缺少 data 节点');
  }
  return data as Record<string, unknown>;
}

/** A string field of an input node ('' when absent; numbers are accepted as text). */
export function field(node: Record<string, unknown>, name: string): string {
  const v = node[name];
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return '';
}

export function requireField(node: Record<string, unknown>, name: string, label: string): string {
  const v = field(node, name);
  if (v === '') throw new Refusal(`${label}（${name}）不能为空`);
  return v;
}
