import { assertOk, type FsiClient } from '../center/fsi-client';
import type { InsuredPerson } from '../contract/types';
import { AppError } from '../domain/errors';
import {
  GENDER_LABELS,
  INSU_STATUS_LABELS,
  INSUTYPE_LABELS,
  labelOf,
  type MdtrtCertType,
  yuanToFen,
} from '../domain/insurance';
import { maskIdNumber } from '../domain/mask';
import {
  type InsuranceStanding,
  insuranceNotices,
  insuranceStanding,
  type PoolArea,
} from '../domain/settlement/insurance-standing';
import type { InsuranceStandingRepository } from '../store/insurance-standing-repository';
import type { AuthenticatedSession, AuthService } from './auth-service';
import { centerFailure } from './center-errors';

interface Output1101 {
  baseinfo?: {
    psn_no?: string;
    psn_name?: string;
    certno?: string;
    gend?: string;
    brdy?: string;
    age?: number | string;
  };
  insuinfo?: Array<{
    insutype?: string;
    psn_type?: string;
    balc?: number | string;
    insuplc_admdvs?: string;
    psn_insu_stas?: string;
  }>;
}

export interface PatientQuery {
  certType: MdtrtCertType;
  certNo: string;
  cardSn?: string | undefined;
}

interface Deps {
  fsi: FsiClient;
  auth: AuthService;
  /** The pharmacy's pool area (region pack): a person insured outside it is 异地. */
  poolArea?: () => PoolArea;
  /** Where each answer's standing is kept for the prescription screen and dispensing (R-SETTLE). */
  standings?: InsuranceStandingRepository;
  now?: () => Date;
}

const NO_POOL_AREA: PoolArea = { name: '', prefixes: [] };

/**
 * 1101: finds the insured person behind an e-voucher token, ID card or social-security card
 * (the patient's authorisation, R-AUTH). The ID number leaves this service masked. Each answer
 * says in red when the basic insurance is not in force or is another pool area's (issue 19
 * item 8), and is recorded so dispensing on insurance can be refused before anything is scanned.
 */
export function createPatientService(deps: Deps) {
  const pool = () => deps.poolArea?.() ?? NO_POOL_AREA;
  const service = {
    async lookup(session: AuthenticatedSession, q: PatientQuery): Promise<InsuredPerson> {
      return (await service.identify(session, q)).person;
    },
    /**
     * As lookup, plus the full ID number the center answered, for comparing persons inside the
     * services (e.g. a settlement credential against the prescription's patient); never shown.
     */
    async identify(
      session: AuthenticatedSession,
      q: PatientQuery,
    ): Promise<{ person: InsuredPerson; certno: string }> {
      if (q.certType === '03' && !q.cardSn) {
        throw new AppError('VALIDATION', '社会保障卡须同时读取卡识别码（card_sn）', {
          ruleId: 'R-AUTH',
        });
      }
      const signNo = await deps.auth.ensureSignedIn(session);
      let output: Output1101;
      try {
        const res = await deps.fsi.call({
          infno: '1101',
          input: {
            data: {
              mdtrt_cert_type: q.certType,
              mdtrt_cert_no: q.certNo,
              card_sn: q.cardSn ?? '',
              begntime: '',
              psn_cert_type: q.certType === '02' ? '01' : '',
              certno: q.certType === '02' ? q.certNo : '',
              psn_name: '',
            },
          },
          opter: session.staff.username,
          opterName: session.staff.displayName,
          signNo,
        });
        assertOk(res);
        output = (res.output ?? {}) as Output1101;
      } catch (err) {
        throw lookupFailure(err, q.certType);
      }
      const person = toInsuredPerson(output, q.certType, pool());
      const certno = output.baseinfo?.certno ?? '';
      deps.standings?.record(
        certno.toUpperCase(),
        person.psnNo,
        standingOf(person, pool()),
        (deps.now?.() ?? new Date()).getTime(),
      );
      return { person, certno };
    },
  };
  return service;
}

function lookupFailure(err: unknown, certType: MdtrtCertType): AppError {
  const failure = centerFailure(err, '查询参保人');
  if (failure.code !== 'CENTER_REJECTED') return failure;
  const hint =
    certType === '01'
      ? '请让患者刷新医保电子凭证二维码后重新扫码；如电子凭证未激活或忘记密码，请协助其在国家医保服务平台激活或重置'
      : '请核对证件号码与卡识别码后重试';
  return new AppError('CENTER_REJECTED', `${failure.message}。${hint}`, { ruleId: 'R-AUTH' });
}

const standingOf = (p: Pick<InsuredPerson, 'insutypes'>, pool: PoolArea): InsuranceStanding =>
  insuranceStanding(p.insutypes, pool);

function toInsuredPerson(out: Output1101, certType: MdtrtCertType, pool: PoolArea): InsuredPerson {
  const base = out.baseinfo;
  if (!base?.psn_no || !base.certno) {
    throw new AppError('CENTER_BAD_REPLY', '医保中心返回的参保人信息不完整，已拒绝使用');
  }
  const insutypes = (out.insuinfo ?? []).map((i) => ({
    insutype: i.insutype ?? '',
    label: labelOf(INSUTYPE_LABELS, i.insutype ?? ''),
    psnType: i.psn_type ?? '',
    balanceFen: yuanToFen(i.balc),
    insuplcAdmdvs: i.insuplc_admdvs ?? '',
    status: labelOf(INSU_STATUS_LABELS, i.psn_insu_stas ?? ''),
  }));
  return {
    psnNo: base.psn_no,
    name: base.psn_name ?? '',
    certnoMasked: maskIdNumber(base.certno),
    gender: labelOf(GENDER_LABELS, base.gend ?? ''),
    age: Number(base.age ?? 0),
    birthday: base.brdy ?? '',
    certType,
    insutypes,
    insuranceNotices: insuranceNotices(standingOf({ insutypes }, pool), pool),
  };
}

export type PatientService = ReturnType<typeof createPatientService>;
