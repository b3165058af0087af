import { CenterError, type FsiClient } from '../center/fsi-client';
import { EC_PASSWORD_FIELD, ecPasswordDigest } from '../center/rx/ec-password';
import { EPC_QR_PREFIX, type Out7204 } from '../center/rx/fsi-72xx';
import type { LayoutFileView, PrescriptionView, RxCandidate, RxListItem } from '../contract/types';
import { EC_PASSWORD_PATTERN, EC_VOUCHER_REFUSALS, needsEcPassword } from '../domain/ec-voucher';
import { AppError } from '../domain/errors';
import type { MdtrtCertType } from '../domain/insurance';
import { rxnoTail } from '../domain/rx-number-tail';
import { insuranceNotices } from '../domain/settlement/insurance-standing';
import type { InsuranceStandingRepository } from '../store/insurance-standing-repository';
import type { PrescriptionRepository, StoredPrescription } from '../store/prescription-repository';
import type { AuthenticatedSession, AuthService } from './auth-service';
import { centerFailure } from './center-errors';
import type { CrlCache } from './crl-cache';
import type { Logger } from './logger';
import type { PatientService } from './patient-service';
import type { RegionService } from './region-service';
import { checkOf, redownloaded } from './rx-archive';
import { callRx } from './rx-center-calls';
import { signedMaterial, toRxFile } from './rx-export';
import type { LayoutChecker } from './rx-layout-check';
import type { RxVerifier } from './rx-verifier';
import { buildPrescriptionView } from './rx-view';

export type RxFindQuery =
  | { by: 'qr'; qr: string }
  | {
      by: 'cert';
      certType: MdtrtCertType;
      certNo: string;
      cardSn?: string | undefined;
      /** The patient's e-voucher password (ID number, card): sent as its SM3, never kept. */
      ecPassword?: string | undefined;
    };

export type RxTicket = { epcToken: string } | { authRxno: string };

interface Deps {
  fsi: FsiClient;
  auth: AuthService;
  repo: PrescriptionRepository;
  crls: CrlCache;
  verifier: RxVerifier;
  regions: RegionService;
  layout: LayoutChecker;
  /** 1101 at download, so the patient's insurance standing is known before review (issue 19 item 8). */
  patients?: PatientService;
  standings?: InsuranceStandingRepository;
  log: Logger;
  now?: () => Date;
}

/**
 * E-prescription intake (R-AUTH, R-CENTER, R-SIGN, R-LAYOUT): find the patient's prescriptions
 * (7201 QR / 7202 credential), download one (7204), verify it locally (chain, CRL, SM2, digests)
 * and at the center (7205), and store it with the verdict. Policy (region pack) and the layout
 * comparison are evaluated whenever the prescription is shown, so a region change applies at once.
 */
export function createRxIntakeService(deps: Deps) {
  const now = deps.now ?? (() => new Date());

  /** The drug names of a prescription already downloaded here; none otherwise. */
  function drugsOf(hiRxno: string): string[] {
    const p = deps.repo.get(hiRxno);
    return p ? (p.reply as Out7204).rxdrugdetail.map((l) => l.drug_genname) : [];
  }

  async function find(session: AuthenticatedSession, q: RxFindQuery): Promise<RxCandidate[]> {
    const signNo = await deps.auth.ensureSignedIn(session);
    try {
      if (q.by === 'qr') {
        if (!q.qr.startsWith(EPC_QR_PREFIX) || q.qr.length !== 27) {
          throw new AppError('VALIDATION', '这不是电子处方二维码（应为 EPCQR01 开头的 27 位码）', {
            ruleId: 'R-AUTH',
          });
        }
        const { output } = await callRx(deps.fsi, session, signNo, '7201', { epc_qrcd: q.qr });
        return [
          {
            hiRxno: output.data.hi_rxno,
            fixmedinsName: '',
            prscTime: '',
            deptName: '',
            diagName: '',
            validEndTime: '',
            statusName: '',
            ticket: { epcToken: output.data.epc_token },
            downloaded: deps.repo.has(output.data.hi_rxno),
            rxnoTail: rxnoTail(output.data.hi_rxno),
            drugs: drugsOf(output.data.hi_rxno),
          },
        ];
      }
      if (q.certType === '03' && !q.cardSn) {
        throw new AppError('VALIDATION', '社会保障卡须同时读取卡识别码（card_sn）', {
          ruleId: 'R-AUTH',
        });
      }
      const { output } = await callRx(deps.fsi, session, signNo, '7202', {
        mdtrt_cert_type: q.certType,
        mdtrt_cert_no: q.certNo,
        card_sn: q.cardSn ?? '',
        ...ecPasswordInput(q.certType, q.ecPassword),
      });
      return output.rxlist.map((r) => ({
        hiRxno: r.hi_rxno,
        fixmedinsName: r.fixmedins_name,
        prscTime: r.prsc_time,
        deptName: r.dept_name ?? '',
        diagName: r.diag_name ?? '',
        validEndTime: r.valid_end_time,
        statusName: r.rx_stas_name,
        ticket: { authRxno: r.auth_rxno },
        downloaded: deps.repo.has(r.hi_rxno),
        rxnoTail: rxnoTail(r.hi_rxno),
        drugs: drugsOf(r.hi_rxno),
      }));
    } catch (err) {
      throw authorisationFailure(centerFailure(err, '查询电子处方'));
    }
  }

  async function download(
    session: AuthenticatedSession,
    ticket: RxTicket,
  ): Promise<PrescriptionView> {
    const signNo = await deps.auth.ensureSignedIn(session);
    const input: Record<string, string> =
      'epcToken' in ticket ? { epc_token: ticket.epcToken } : { auth_rxno: ticket.authRxno };
    let reply: Out7204;
    let raw: Record<string, unknown>;
    try {
      const res = await callRx(deps.fsi, session, signNo, '7204', input);
      reply = res.output;
      raw = res.raw as Record<string, unknown>;
    } catch (err) {
      throw centerFailure(err, '下载电子处方');
    }
    const rxFile = decodeBase64(reply.data.rx_file);
    if (!rxFile)
      throw new AppError(
        'CENTER_BAD_REPLY',
        '下载电子处方失败：版式文件不是有效的 Base64，已拒绝使用',
      );

    await deps.crls.refresh();
    const at = now();
    // The drug lines are verified exactly as received, not as re-serialised by the schema.
    const rawLines = (raw.rxdrugdetail ?? []) as Record<string, unknown>[];
    const local = deps.verifier.verifyLocal(
      signedMaterial(reply.data, rawLines, reply.data.rx_file),
      at,
    );
    const altered = local.payload ? deps.verifier.alteredFields(local.payload, reply) : [];
    const center = await verifyAtCenter(session, signNo, reply);

    const { rx_file: _file, ...data } = reply.data;
    const stored: StoredPrescription = {
      hiRxno: reply.data.hi_rxno,
      rxTraceCode: reply.data.rx_trace_code,
      fixmedinsCode: reply.data.fixmedins_code,
      fixmedinsName: reply.data.fixmedins_name,
      patientName: reply.mdtrtinfo.patn_name,
      certno: reply.mdtrtinfo.certno,
      prscTime: reply.data.prsc_time,
      statusCodg: center.status?.codg ?? reply.data.rx_stas_codg,
      statusName: center.status?.name ?? reply.data.rx_stas_name,
      epcToken: reply.data.epc_token,
      reply: { ...raw, data, rxdrugdetail: rawLines },
      rxFile,
      localValid: local.valid,
      localCode: local.code,
      localReason: local.reason,
      certInfo: local.cert,
      alteredFields: altered,
      centerState: center.state,
      centerMessage: center.message,
      rxSignVerifySn: center.verifySn,
      verification:
        local.valid && center.state !== 'failed' && altered.length === 0 ? 'verified' : 'failed',
      downloadedBy: session.staff.id,
      downloadedAt: at.getTime(),
      checkedAt: at.getTime(),
    };
    const archived = deps.repo.get(stored.hiRxno);
    const kept = archived ? redownloaded(archived, stored) : stored;
    if (archived) deps.repo.recordCheck(kept.hiRxno, checkOf(kept));
    else deps.repo.archive(kept);
    await checkInsurance(session, kept.certno);
    deps.log.info(
      `电子处方已${archived ? '重新下载（存档未变）' : '下载'} ${kept.hiRxno}：${kept.verification === 'verified' ? '验证通过' : `未通过（${local.code}/${center.state}）`}`,
    );
    return view(kept, at);
  }

  /**
   * The patient's 1101 by the prescription's ID number, recording their standing. A failure
   * only leaves the standing unknown: the download itself stands, and settlement checks again.
   */
  async function checkInsurance(session: AuthenticatedSession, certno: string): Promise<void> {
    if (!deps.patients || !certno) return;
    try {
      await deps.patients.identify(session, { certType: '02', certNo: certno });
    } catch (err) {
      deps.log.warn('rx.download.insurance-unchecked', {
        code: err instanceof AppError ? err.code : 'ERROR',
      });
    }
  }

  async function verifyAtCenter(session: AuthenticatedSession, signNo: string, reply: Out7204) {
    try {
      const { output } = await callRx(deps.fsi, session, signNo, '7205', {
        hi_rxno: reply.data.hi_rxno,
        epc_token: reply.data.epc_token,
        sign_digest: reply.data.signDigest,
        sign_cert_sn: reply.data.signCertSn,
      });
      const d = output.data;
      return {
        state: d.vrf_rslt === '1' ? ('passed' as const) : ('failed' as const),
        message:
          d.vrf_rslt === '1'
            ? `医保中心验签通过（流水号 ${d.rx_sign_verify_sn}）`
            : `医保中心验签未通过：${d.vrf_msg}`,
        verifySn: d.rx_sign_verify_sn,
        status: { codg: d.rx_stas_codg, name: d.rx_stas_name },
      };
    } catch (err) {
      if (
        err instanceof CenterError &&
        (err.kind === 'timeout' || err.kind === 'network' || err.kind === 'http')
      ) {
        return {
          state: 'unreachable' as const,
          message: '医保中心验签暂不可用（网络或中心故障），本地验证结果有效；联网后按 F5 重新核验',
          verifySn: null,
          status: null,
        };
      }
      return {
        state: 'failed' as const,
        message: `医保中心验签未通过：${centerFailure(err, '签名核验').message}`,
        verifySn: null,
        status: null,
      };
    }
  }

  function insuranceNoticesOf(certno: string) {
    const standing = deps.standings?.get(certno.toUpperCase());
    return standing ? insuranceNotices(standing, deps.regions.poolArea()) : [];
  }

  async function view(p: StoredPrescription, at: Date): Promise<PrescriptionView> {
    const layout = await deps.layout.check(p.reply as Out7204, p.rxFile);
    return buildPrescriptionView(p, {
      region: deps.regions.current(),
      evaluate: deps.regions.evaluate,
      at,
      layout,
      progress: deps.repo.progress(p.hiRxno),
      insuranceNotices: insuranceNoticesOf(p.certno),
    });
  }

  /** Shows a stored prescription with today's rules, re-checking the signature against the cached CRLs. */
  async function get(hiRxno: string): Promise<PrescriptionView> {
    const p = deps.repo.get(hiRxno);
    if (!p) throw new AppError('NOT_FOUND', `本机没有处方 ${hiRxno}，请先扫码下载`);
    const at = now();
    const local = deps.verifier.verifyLocal(toRxFile(p), at);
    if (local.valid !== p.localValid || local.code !== p.localCode) {
      const updated: StoredPrescription = {
        ...p,
        localValid: local.valid,
        localCode: local.code,
        localReason: local.reason,
        verification:
          local.valid && p.centerState !== 'failed' && p.alteredFields.length === 0
            ? 'verified'
            : 'failed',
        checkedAt: at.getTime(),
      };
      deps.repo.recordCheck(updated.hiRxno, checkOf(updated));
      return view(updated, at);
    }
    return view(p, at);
  }

  /** The recent downloads as last checked (opening one with `get` re-checks it). */
  async function list(): Promise<RxListItem[]> {
    const at = now();
    const items: RxListItem[] = [];
    for (const r of deps.repo.recent()) {
      const stored = deps.repo.get(r.hiRxno);
      if (!stored) throw new AppError('NOT_FOUND', `本机没有处方 ${r.hiRxno}`);
      const v = await view(stored, at);
      items.push({
        hiRxno: r.hiRxno,
        fixmedinsName: r.fixmedinsName,
        patientName: v.patient.name,
        prscTime: r.prscTime,
        statusName: r.statusName,
        reviewable: v.reviewable,
        live: v.live,
        downloadedAt: v.downloadedAt,
        drugs: v.lines.map((l) => l.genname),
        doctorName: v.doctorName,
        rxnoTail: rxnoTail(r.hiRxno),
      });
    }
    return items;
  }

  async function layoutFile(hiRxno: string): Promise<LayoutFileView> {
    const p = deps.repo.get(hiRxno);
    if (!p) throw new AppError('NOT_FOUND', `本机没有处方 ${hiRxno}`);
    return {
      pdfBase64: p.rxFile.toString('base64'),
      masks: await deps.layout.masks(p.reply as Out7204, p.rxFile),
    };
  }

  return { find, download, get, list, layoutFile };
}

/**
 * R-AUTH / ST-EPC-02-005: an ID number or card alone does not list a person's prescriptions;
 * the patient's e-voucher password confirms it, sent as its SM3.
 */
function ecPasswordInput(
  certType: MdtrtCertType,
  password: string | undefined,
): Record<string, string> {
  if (!needsEcPassword(certType)) return {};
  if (!password || !EC_PASSWORD_PATTERN.test(password)) {
    throw new AppError(
      'VALIDATION',
      '使用身份证或社会保障卡查询处方，须请参保人输入6位医保电子凭证密码（或改扫医保电子凭证二维码）',
      { ruleId: 'R-AUTH' },
    );
  }
  return { [EC_PASSWORD_FIELD]: ecPasswordDigest(password) };
}

/** The center's refusal of the e-voucher password is an R-AUTH refusal (the UI shows its help). */
function authorisationFailure(err: AppError): AppError {
  const aboutPassword = Object.values(EC_VOUCHER_REFUSALS).some((m) => err.message.includes(m));
  if (!aboutPassword || err.ruleId) return err;
  return new AppError(err.code, err.message, {
    ruleId: 'R-AUTH',
    ...(err.detail ? { detail: err.detail } : {}),
  });
}

const BASE64_RE = /^[A-Za-z0-9+/]+={0,2}$/;
function decodeBase64(text: string): Buffer | null {
  const clean = text.replace(/\s+/g, '');
  if (clean.length === 0 || clean.length % 4 !== 0 || !BASE64_RE.test(clean)) return null;
  return Buffer.from(clean, 'base64');
}

export type RxIntakeService = ReturnType<typeof createRxIntakeService>;
