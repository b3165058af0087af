import type { RuleId } from '../rules';

/** One drug line of a paper prescription, picked from the catalog. */
export interface PaperLineInput {
  medListCodg: string;
  /** Packs prescribed. */
  quantity: number;
  /** Days of medication the line covers. */
  days: number;
}

/** What the pharmacist types from the paper prescription at capture. */
export interface PaperFields {
  /** 定点医疗机构编码: one letter, the 6-digit admdvs, a sequence (12 characters). */
  institutionCode: string;
  institutionName: string;
  /** 处方编号 printed on the paper, unique per institution (R-PAPER-NO). */
  serialNo: string;
  /** 开具日期 yyyy-MM-dd. */
  rxDate: string;
  physicianName: string;
  patientName: string;
  /** 18-digit resident ID number. */
  patientCertno: string;
  /** 长期处方 (R-LONGRX). */
  longRx: boolean;
  /** The pharmacist saw the insurance physician's signature (R-PAPER-VALID). */
  signatureConfirmed: boolean;
  /** The pharmacist saw the 外配处方专用章 (R-PAPER-VALID). */
  stampConfirmed: boolean;
  lines: PaperLineInput[];
  /** 门特药品外配处方 (Dongguan 门诊特定病种), as the paper names it (R-MT-CLAIM). */
  chronicSpecial?: boolean;
  /**
   * The patient agreed to pay the whole purchase and claim it at the prescribing hospital
   * (零星报销), where a non-flowed 门特 prescription can no longer settle with the fund (R-MT-CLAIM).
   */
  selfPayConsent?: boolean;
}

/** The prescription's own facts as archived: what was typed, without the confirmations and lines. */
export type PaperHeader = Omit<
  PaperFields,
  'signatureConfirmed' | 'stampConfirmed' | 'lines' | 'chronicSpecial' | 'selfPayConsent'
>;

/** One check result at capture; blocks refuse the capture, warnings are archived with it. */
export interface PaperFinding {
  ruleId: RuleId;
  code: string;
  severity: 'block' | 'warn';
  /** Chinese and specific. */
  message: string;
  /** The rule's citation, plus the region pack's clause where a region parameter decided. */
  citation: string;
  medListCodg?: string;
}
