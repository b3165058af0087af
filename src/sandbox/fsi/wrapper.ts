import { compactTime, compactTimeMs, parseCompactTime, parseDateTime } from '../../center/clock';
import type { SandboxConfig } from '../config';
import { nextCounter, type SandboxDb } from '../db';
import { isObject } from '../http-util';
import type { FsiWrapper, Institution } from './context';

const TEXT_FIELDS = [
  'infno',
  'msgid',
  'mdtrtarea_admvs',
  'insuplc_admdvs',
  'recer_sys_code',
  'dev_no',
  'dev_safe_info',
  'cainfo',
  'signtype',
  'infver',
  'opter_type',
  'opter',
  'opter_name',
  'inf_time',
  'fixmedins_code',
  'fixmedins_name',
  'sign_no',
] as const;

/** msgid = fixmedins_code(12) + yyyyMMddHHmmss + 4 digits; returns the reason it is not one. */
export function msgidProblem(msgid: unknown): string | null {
  if (typeof msgid !== 'string' || msgid === '') return '报文ID（msgid）不能为空';
  if (!/^[0-9A-Za-z]{12}\d{18}$/.test(msgid)) {
    return '报文ID（msgid）应为 30 位：定点机构编码(12) + yyyyMMddHHmmss + 4 位顺序号';
  }
  if (!parseCompactTime(msgid.slice(12, 26))) return '报文ID（msgid）中的时间不是有效日期时间';
  return null;
}

/**
 * Checks the request wrapper (research §1.6). Returns the wrapper and the calling institution,
 * or every problem found, in Chinese.
 */
export function validateWrapper(
  body: Record<string, unknown>,
  db: SandboxDb,
): { wrapper: FsiWrapper; institution: Institution } | { problems: string[] } {
  const problems: string[] = [];
  const text: Record<string, string> = {};
  for (const name of TEXT_FIELDS) {
    const v = body[name];
    if (v === undefined || v === null) text[name] = '';
    else if (typeof v === 'string') text[name] = v;
    else problems.push(`${name} 应为字符串`);
  }
  const get = (name: (typeof TEXT_FIELDS)[number]) => text[name] ?? '';

  if (!/^\d{4}[A-Z]?$/.test(get('infno')))
    problems.push('交易编号（infno）应为 4 位数字（可带省级后缀字母）');
  const msgidIssue = msgidProblem(body.msgid);
  if (msgidIssue) problems.push(msgidIssue);
  const code = get('fixmedins_code');
  let institution: Institution | null = null;
  if (!/^[0-9A-Za-z]{12}$/.test(code)) {
    problems.push('定点医药机构编号（fixmedins_code）应为 12 位');
  } else {
    institution = findInstitution(db, code);
    if (!institution) problems.push(`定点医药机构编号未在中心登记：${code}`);
    if (!msgidIssue && get('msgid').slice(0, 12) !== code) {
      problems.push('报文ID（msgid）前 12 位须与定点医药机构编号（fixmedins_code）一致');
    }
  }
  if (get('fixmedins_name').trim() === '')
    problems.push('定点医药机构名称（fixmedins_name）不能为空');
  if (!/^\d{6}$/.test(get('mdtrtarea_admvs')))
    problems.push('就医地医保区划（mdtrtarea_admvs）应为 6 位数字');
  const insuplc = get('insuplc_admdvs');
  if (insuplc !== '' && !/^\d{6}$/.test(insuplc))
    problems.push('参保地医保区划（insuplc_admdvs）应为 6 位数字');
  if (get('infver').toUpperCase() !== 'V1.0') problems.push('接口版本号（infver）应为 V1.0');
  if (!['1', '2', '3'].includes(get('opter_type')))
    problems.push('经办人类别（opter_type）应为 1、2 或 3');
  const opter = get('opter');
  if (opter.trim() === '' || opter.length > 30)
    problems.push('经办人（opter）不能为空且不超过 30 位');
  if (get('opter_name').trim() === '') problems.push('经办人姓名（opter_name）不能为空');
  if (!parseDateTime(get('inf_time')))
    problems.push('交易时间（inf_time）应为 yyyy-MM-dd HH:mm:ss');
  if (!isObject(body.input)) {
    problems.push('交易输入（input）应为 JSON 对象');
  } else if (isObject(body.input.data) && body.input.data.psn_no && insuplc === '') {
    problems.push('输入含人员编号（psn_no）时须填写参保地医保区划（insuplc_admdvs）');
  }

  if (problems.length > 0 || !institution) return { problems };
  const wrapper = { ...text, input: body.input } as unknown as FsiWrapper;
  return { wrapper, institution };
}

function findInstitution(db: SandboxDb, code: string): Institution | null {
  const row = db
    .prepare(
      'SELECT fixmedins_code, fixmedins_name, fixmedins_type, admdvs FROM institutions WHERE fixmedins_code = ?',
    )
    .get(code) as
    | {
        fixmedins_code: string;
        fixmedins_name: string;
        fixmedins_type: 'pharmacy' | 'hospital';
        admdvs: string;
      }
    | undefined;
  if (!row) return null;
  return {
    fixmedinsCode: row.fixmedins_code,
    fixmedinsName: row.fixmedins_name,
    type: row.fixmedins_type,
    admdvs: row.admdvs,
  };
}

/**
 * The response wrapper, serialized once: this exact text is what a replay returns.
 * `respondAt` is the center's business clock (SandboxClock): what the counter takes as the
 * center's time.
 */
export function buildResponse(
  db: SandboxDb,
  config: SandboxConfig,
  receivedAt: Date,
  respondAt: Date,
  reply: {
    infcode: 0 | -1 | -2;
    errMsg?: string;
    warnMsg?: string;
    output?: Record<string, unknown> | null;
    /** Our extension `x_err_code`: a machine-readable reason for a refusal. */
    errCode?: string;
  },
): string {
  const serial = String(nextCounter(db, 'inf_refmsgid')).padStart(10, '0');
  return JSON.stringify({
    infcode: reply.infcode,
    inf_refmsgid: `${config.fsi.centerAdmdvs}${compactTime(receivedAt)}${serial}`,
    refmsg_time: compactTimeMs(receivedAt),
    respond_time: compactTimeMs(respondAt),
    err_msg: reply.errMsg ?? '',
    warn_msg: reply.warnMsg ?? '',
    output: reply.output ?? null,
    ...(reply.errCode ? { x_err_code: reply.errCode } : {}),
  });
}
