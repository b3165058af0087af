import { z } from 'zod';
import { EC_PASSWORD_PATTERN } from '../domain/ec-voucher';
import { auditContract } from './contract-audit';
import { backupContract } from './contract-backup';
import { complaintsContract } from './contract-complaints';
import { deliveryContract } from './contract-delivery';
import { desktopContract } from './contract-desktop';
import { dispenseContract } from './contract-dispense';
import { einvoiceContract } from './contract-einvoice';
import { outboxContract } from './contract-outbox';
import { paperContract } from './contract-paper';
import { publicContract } from './contract-public';
import { reconContract } from './contract-recon';
import { reportsContract } from './contract-reports';
import { reviewContract } from './contract-review';
import { riskContract } from './contract-risk';
import { settlementContract } from './contract-settlement';
import { setupContract } from './contract-setup';
import { staffContract } from './contract-staff';
import { stockContract } from './contract-stock';
import { supervisionContract } from './contract-supervision';
import { audited, type MethodPolicy, notAudited, reads } from './method-policy';
import { rxNo, scanText } from './schemas';
import type {
  AppInfo,
  InsuredPerson,
  LayoutFileView,
  OutboxStatus,
  PrescriptionView,
  RegionSettings,
  RxCandidate,
  RxListItem,
  SessionInfo,
} from './types';
import type { RxReverifySummary } from './types-reverify';

/**
 * The one API contract. Each method names its input schema (validated at every transport
 * boundary), its output type and its policy (MethodPolicy: session, whether it changes
 * anything, its audit, its largest request). The desktop app (IPC) and browser mode (HTTP)
 * both dispatch through this table, so they cannot drift apart.
 */
const coreContract = {
  'app.info': { input: z.object({}).strict(), output: {} as AppInfo, auth: false, ...reads },
  'auth.login': {
    input: z
      .object({
        username: z.string().trim().min(1).max(64),
        password: z.string().min(1).max(256),
      })
      .strict(),
    output: {} as SessionInfo,
    auth: false,
    mutates: true,
    audit: audited('auth.login', { detail: { extra: 'login' } }),
  },
  'auth.logout': {
    input: z.object({}).strict(),
    output: {} as { ok: true },
    auth: true,
    withTemporaryPassword: true,
    mutates: true,
    audit: audited('auth.logout'),
  },
  'auth.session': {
    input: z.object({}).strict(),
    output: {} as SessionInfo,
    auth: true,
    withTemporaryPassword: true,
    ...reads,
  },
  'patient.lookup': {
    input: z
      .object({
        certType: z.enum(['01', '02', '03']),
        certNo: scanText,
        cardSn: z.string().max(64).optional(),
      })
      .strict(),
    output: {} as InsuredPerson,
    auth: true,
    mutates: false,
    /** Who looked up whom, and when (issue 14): a person's insurance data is read. */
    audit: audited('patient.lookup', { subject: 'person', detail: { input: ['certType'] } }),
  },
  'outbox.status': {
    input: z.object({}).strict(),
    output: {} as OutboxStatus,
    auth: true,
    ...reads,
  },
  /** 7201 (prescription QR) or 7202 (e-voucher / ID card / social-security card). */
  'rx.find': {
    input: z.discriminatedUnion('by', [
      z.object({ by: z.literal('qr'), qr: scanText }).strict(),
      z
        .object({
          by: z.literal('cert'),
          certType: z.enum(['01', '02', '03']),
          certNo: scanText,
          cardSn: z.string().max(64).optional(),
          /** R-AUTH: confirms an ID-number or card authorisation; never stored or logged. */
          ecPassword: z.string().regex(EC_PASSWORD_PATTERN).optional(),
        })
        .strict(),
    ]),
    output: [] as RxCandidate[],
    auth: true,
    mutates: false,
    /** A patient's prescriptions and diagnoses are listed: who asked is recorded (R-AUTH). */
    audit: audited('rx.find', { detail: { input: ['by', 'certType'], extra: 'resultCount' } }),
  },
  /** 7204 download, local verification, 7205, policy and layout checks; stored locally. */
  'rx.download': {
    input: z.union([
      z.object({ epcToken: z.string().min(1).max(128) }).strict(),
      z.object({ authRxno: z.string().min(1).max(128) }).strict(),
    ]),
    output: {} as PrescriptionView,
    auth: true,
    mutates: true,
    audit: notAudited(
      'the download is stored with its verification verdict; acting on it (review, dispensing, settlement) is audited',
    ),
  },
  'rx.get': {
    input: z.object({ hiRxno: rxNo }).strict(),
    output: {} as PrescriptionView,
    auth: true,
    ...reads,
  },
  'rx.list': { input: z.object({}).strict(), output: [] as RxListItem[], auth: true, ...reads },
  /** The layout file (PDF) as Base64, for the viewer beside the structured data, with where to mask it. */
  'rx.layoutFile': {
    input: z.object({ hiRxno: rxNo }).strict(),
    output: {} as LayoutFileView,
    auth: true,
    ...reads,
  },
  /**
   * R-SIGN: every stored prescription verified again against today's CA files and CRLs (on all
   * cores, off the counter's thread); counts and the failing ones with the reason in Chinese.
   */
  'rx.reverifyAll': {
    input: z.object({}).strict(),
    output: {} as RxReverifySummary,
    auth: true,
    roles: {
      allowed: ['admin', 'pharmacist'],
      refusal: '只有管理员或执业药师可以对全部存档处方重新验签',
      ruleId: 'R-SIGN',
    },
    mutates: false,
    audit: audited('rx.reverifyAll', { detail: { output: ['checked', 'failed'] } }),
  },
  'settings.region': {
    input: z.object({}).strict(),
    output: {} as RegionSettings,
    auth: true,
    ...reads,
  },
  /** Administrator only. */
  'settings.setRegion': {
    input: z.object({ regionId: z.string().min(1).max(32) }).strict(),
    output: {} as RegionSettings,
    auth: true,
    roles: {
      allowed: ['admin'],
      refusal: '只有管理员可以更改药店所属统筹地区',
      ruleId: 'R-REGION',
    },
    mutates: true,
    audit: audited('settings.region', {
      subject: 'region',
      detail: { input: ['regionId'], output: ['previousRegionId'] },
    }),
  },
} as const;

/** Each business area adds its methods in its own file (contract-*.ts). */
export const contract = {
  ...coreContract,
  ...outboxContract,
  ...reviewContract,
  ...dispenseContract,
  ...settlementContract,
  ...supervisionContract,
  ...paperContract,
  ...reconContract,
  ...stockContract,
  ...auditContract,
  ...backupContract,
  ...riskContract,
  ...reportsContract,
  ...complaintsContract,
  ...publicContract,
  ...einvoiceContract,
  ...deliveryContract,
  ...staffContract,
  ...setupContract,
  ...desktopContract,
} as const satisfies Readonly<Record<string, ContractEntry>>;

interface ContractEntry extends MethodPolicy {
  readonly input: z.ZodType;
  readonly output: unknown;
}

export type ApiContract = typeof contract;
export type ApiMethod = keyof ApiContract;
export type ApiInput<M extends ApiMethod> = z.input<ApiContract[M]['input']>;
export type ApiOutput<M extends ApiMethod> = ApiContract[M]['output'];

export function isApiMethod(name: string): name is ApiMethod {
  return Object.hasOwn(contract, name);
}

/** The policy of a contract method, or null for a name that is none. */
export function policyOf(method: string): MethodPolicy | null {
  return isApiMethod(method) ? contract[method] : null;
}
