import { areaLabel } from '../area-name';
import { AppError } from '../errors';
import { SETTLE_CODES } from './settle-codes';

/** What the counter must say about a person's insurance before anything is dispensed on it. */
export interface InsuranceNotice {
  kind: 'not-insured' | 'remote';
  ruleId: 'R-SETTLE' | 'R-REGION';
  /** Short, for the red heading: 参保状态：暂停参保 */
  title: string;
  /** What follows for this sale. */
  message: string;
  /** What the pharmacist does next. */
  nextStep: string;
}

export interface InsuranceStanding {
  /** A pooling insutype (职工/居民基本医疗保险) in force: insurance settlement is possible. */
  settleable: boolean;
  /** 正常参保 / 暂停参保 / 终止参保 of the person's basic insurance, or 未参加基本医疗保险. */
  statusText: string;
  /** The 参保地 of that insurance ('' when none). */
  insuplcAdmdvs: string;
  /** Insured outside the pharmacy's pool area (异地). */
  remote: boolean;
}

export interface PoolArea {
  name: string;
  /** Division prefixes of the pool area; empty when the region pack gives none. */
  prefixes: readonly string[];
}

interface Insutype {
  insutype: string;
  status: string;
  insuplcAdmdvs: string;
}

const IN_FORCE = '正常参保';

/**
 * The standing of a person as 1101 answered, judged as settlement will judge it (the first
 * pooling insutype in force, R-SETTLE) and against the pharmacy's pool area (异地).
 */
export function insuranceStanding(
  insutypes: readonly Insutype[],
  pool: PoolArea,
): InsuranceStanding {
  const basic = SETTLE_CODES.insutypes
    .flatMap((t) => insutypes.filter((i) => i.insutype === t))
    .sort((a, b) => Number(b.status === IN_FORCE) - Number(a.status === IN_FORCE));
  const chosen = basic[0];
  const insuplcAdmdvs = chosen?.insuplcAdmdvs ?? '';
  return {
    settleable: chosen?.status === IN_FORCE,
    statusText: chosen ? chosen.status || '参保状态不明' : '未参加基本医疗保险',
    insuplcAdmdvs,
    remote:
      insuplcAdmdvs !== '' &&
      pool.prefixes.length > 0 &&
      !pool.prefixes.some((p) => insuplcAdmdvs.startsWith(p)),
  };
}

/** The red notices for a standing: a person not in force, and a person insured elsewhere. */
export function insuranceNotices(s: InsuranceStanding, pool: PoolArea): InsuranceNotice[] {
  const notices: InsuranceNotice[] = [];
  if (!s.settleable) {
    notices.push({
      kind: 'not-insured',
      ruleId: 'R-SETTLE',
      title: `参保状态：${s.statusText}`,
      message: `基本医疗保险${s.statusText === '未参加基本医疗保险' ? '未参加' : `为“${s.statusText}”`}，不是正常参保：医保结算不可用，本处方不能按医保调剂`,
      nextStep:
        '请告知患者：须到参保地医保经办机构办理续保或恢复参保后再来医保购药；恢复前本店不按医保调剂此处方',
    });
  }
  if (s.remote) {
    notices.push({
      kind: 'remote',
      ruleId: 'R-REGION',
      title: `异地参保：参保地 ${areaLabel(s.insuplcAdmdvs)}`,
      message: `参保地 ${areaLabel(s.insuplcAdmdvs)} 不属于本店统筹地区（${pool.name}）：异地就医需在参保地办理备案，未备案的医保结算不可用，能否结算以医保中心预结算结果为准`,
      nextStep:
        '请先询问患者是否已办理异地就医备案；未备案的不能医保结算。开始调剂后先做费用估算，确认医保中心受理后再逐盒扫码',
    });
  }
  return notices;
}

/**
 * Dispensing an e-prescription is dispensing on insurance: refused for a person whose basic
 * insurance 1101 last said is not in force (R-SETTLE), before any pack is scanned or taken
 * from stock. An unknown standing is not refused here; settlement asks the center again.
 */
export function assertDispensableOnInsurance(s: InsuranceStanding | undefined): void {
  if (!s || s.settleable) return;
  throw new AppError(
    'POLICY',
    `参保人基本医疗保险参保状态为“${s.statusText}”，不是正常参保，医保结算不可用：不能按医保调剂此电子处方。请患者到参保地医保经办机构恢复参保后，重新识别身份再调剂`,
    { ruleId: 'R-SETTLE' },
  );
}
