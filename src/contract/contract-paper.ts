import { z } from 'zod';
import { audited, DEFAULT_MAX_REQUEST_BYTES, reads } from './method-policy';
import type {
  PaperCheckResult,
  PaperDrugOption,
  PaperExportResult,
  PaperImageView,
  PaperScanFolder,
  PaperScanImage,
  PaperScanList,
  PaperSearchResult,
  PaperStoreIndexView,
  PaperView,
} from './types-paper';

/** 10 MB of image: JPEG, PNG or PDF (R-PAPER-KEEP). */
export const PAPER_IMAGE_MAX_BYTES = 10 * 1024 * 1024;
const IMAGE_BASE64_MAX = Math.ceil(PAPER_IMAGE_MAX_BYTES / 3) * 4;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期应为 yyyy-MM-dd');
const text = (max: number) => z.string().trim().min(1, '不能为空').max(max);

const line = z
  .object({
    medListCodg: text(64),
    quantity: z.number().int().min(1, '数量至少为1').max(999),
    days: z.number().int().min(1, '天数至少为1').max(366),
  })
  .strict();

const fields = {
  institutionCode: z.string().trim().toUpperCase().min(1).max(32),
  institutionName: text(100),
  serialNo: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9-]{1,32}$/, '处方编号应为1–32位字母、数字或“-”'),
  rxDate: isoDate,
  physicianName: text(50),
  patientName: text(50),
  patientCertno: z.string().trim().toUpperCase().length(18, '身份证号应为18位'),
  longRx: z.boolean(),
  signatureConfirmed: z.boolean(),
  stampConfirmed: z.boolean(),
  lines: z.array(line).min(1, '至少一行药品').max(20),
  chronicSpecial: z.boolean().optional(),
  selfPayConsent: z.boolean().optional(),
};

const id = z.object({ id: z.number().int().positive() }).strict();

/** A cashier captures; only a licensed pharmacist confirms or sends back (R-PHARMACIST). */
const pharmacists = {
  allowed: ['pharmacist'],
  refusal: '纸质处方须由执业药师确认或退回，收银员不能确认',
  ruleId: 'R-PHARMACIST',
} as const;

/** The store-wide index is for an inspector: the owner (administrator) or a pharmacist. */
const inspectors = {
  allowed: ['admin', 'pharmacist'],
  refusal: '只有管理员或执业药师可以查询全店纸质处方索引',
  ruleId: 'R-PAPER-KEEP',
} as const;

/** Paper prescriptions: offline capture, checks and the 2-year archive (R-PAPER-*, R-KEEP). */
export const paperContract = {
  /** Runs every capture check without storing anything (the form shows the results). */
  'paper.check': {
    input: z.object(fields).strict(),
    output: {} as PaperCheckResult,
    auth: true,
    ...reads,
  },
  /**
   * Checks, then archives fields + image (SM3 recorded). A pharmacist's capture is confirmed at
   * once; a cashier's waits as 待药师确认 until a pharmacist confirms it (paper.confirm).
   */
  'paper.capture': {
    input: z
      .object({
        ...fields,
        imageBase64: z.string().min(8).max(IMAGE_BASE64_MAX, '影像不得超过10 MB'),
      })
      .strict(),
    output: {} as PaperView,
    auth: true,
    mutates: true,
    /** The only method that carries an image: Base64 of up to 10 MB plus the fields. */
    maxRequestBytes: IMAGE_BASE64_MAX + DEFAULT_MAX_REQUEST_BYTES,
    audit: audited('paper.capture', {
      subject: 'paper',
      detail: { input: ['institutionCode', 'serialNo', 'rxDate'], output: ['id'] },
    }),
  },
  /** 药师确认: a cashier's capture becomes dispensable (R-PHARMACIST). */
  'paper.confirm': {
    input: id,
    output: {} as PaperView,
    auth: true,
    roles: pharmacists,
    mutates: true,
    audit: audited('paper.confirm', { subject: 'paper', detail: { output: ['id'] } }),
  },
  /** 药师退回 with a reason: the record stays archived and is never dispensed (R-PHARMACIST). */
  'paper.reject': {
    input: z.object({ id: z.number().int().positive(), reason: text(200) }).strict(),
    output: {} as PaperView,
    auth: true,
    roles: pharmacists,
    mutates: true,
    audit: audited('paper.reject', { subject: 'paper', detail: { output: ['id'] } }),
  },
  /** Reads of the archive are recorded: it holds patients' names, ID numbers and diagnoses. */
  'paper.get': {
    input: id,
    output: {} as PaperView,
    auth: true,
    mutates: false,
    audit: audited('paper.view', { subject: 'paper' }),
  },
  /** The image, its SM3 verified on this read (a mismatch is an error, R-PAPER-KEEP). */
  'paper.image': {
    input: id,
    output: {} as PaperImageView,
    auth: true,
    mutates: false,
    audit: audited('paper.imageView', { subject: 'paper' }),
  },
  'paper.search': {
    input: z
      .object({
        patientName: z.string().trim().max(50).optional(),
        patientCertno: z.string().trim().toUpperCase().max(18).optional(),
        institutionCode: z.string().trim().toUpperCase().max(32).optional(),
        serialNo: z.string().trim().max(32).optional(),
        medListCodg: z.string().trim().max(64).optional(),
        from: isoDate.optional(),
        to: isoDate.optional(),
        page: z.number().int().min(1).default(1),
        pageSize: z.number().int().min(1).max(100).default(20),
      })
      .strict(),
    output: {} as PaperSearchResult,
    auth: true,
    mutates: false,
    audit: audited('paper.search', { detail: { extra: 'searchCriteria' } }),
  },
  /**
   * The inspection archive of the prescriptions archived in [from, to] (Beijing dates) as one
   * zip in <dataDir>/exports; Base64 of it for a browser download when small enough.
   */
  'paper.export': {
    input: z.object({ from: isoDate, to: isoDate }).strict(),
    output: {} as PaperExportResult,
    auth: true,
    mutates: true,
    audit: audited('paper.export', {
      subject: 'dateRange',
      detail: { input: ['from', 'to'], output: ['count', 'fileName', 'size', 'sm3'] },
    }),
  },
  /** The document scanner's folder (default <dataDir>/scans). */
  'paper.scanFolder': {
    input: z.object({}).strict(),
    output: {} as PaperScanFolder,
    auth: true,
    ...reads,
  },
  /** Administrators: an absolute folder path, or null for the default. */
  'paper.setScanFolder': {
    input: z.object({ folder: z.string().trim().min(1).max(1024).nullable() }).strict(),
    output: {} as PaperScanFolder,
    auth: true,
    mutates: true,
    /** The folder the counter reads images from: pointing it elsewhere (e.g. /etc) is recorded. */
    audit: audited('settings.scanFolder', {
      detail: { input: ['folder'], output: ['folder', 'isDefault'] },
    }),
  },
  /** The newest images directly inside the scanner's folder. */
  'paper.scanList': {
    input: z.object({}).strict(),
    output: {} as PaperScanList,
    auth: true,
    ...reads,
  },
  /** One image of the scanner's folder, by its bare file name. */
  'paper.scanRead': {
    input: z.object({ name: z.string().min(1).max(255) }).strict(),
    output: {} as PaperScanImage,
    auth: true,
    ...reads,
  },
  /**
   * Store mode (D56): where each paper prescription of the pharmacy is archived — the store's
   * index by key (or part of it), capture period (Beijing dates) and counter; entries archived at
   * this counter are verified against the index's SM3 digests. For an inspector (R-PAPER-KEEP).
   */
  'paper.storeIndex': {
    input: z
      .object({
        key: z.string().trim().min(3).max(80).optional(),
        from: isoDate.optional(),
        to: isoDate.optional(),
        counterId: z.string().trim().min(1).max(32).optional(),
        page: z.number().int().min(1).default(1),
        pageSize: z.number().int().min(1).max(50).default(20),
      })
      .strict(),
    output: {} as PaperStoreIndexView,
    auth: true,
    roles: inspectors,
    ...reads,
  },
  /** Catalog drugs to pick lines from. */
  'paper.drugs': {
    input: z.object({}).strict(),
    output: [] as PaperDrugOption[],
    auth: true,
    ...reads,
  },
} as const;
