import { z } from 'zod';
import { audited, notAudited, reads } from './method-policy';
import { rxNo } from './schemas';
import type {
  CancelledHeldView,
  DispensingView,
  GuidanceView,
  HeldDispensingView,
  HistoryView,
  ReopenedDispensing,
  ScanVerdict,
  StockItemView,
} from './types-dispense';
import type { StoreClashView, StoreLinkView } from './types-store';

const dispensingId = z.number().int().positive();

/**
 * A scanner's output: printable ASCII plus GS (0x1D), the FNC1 separator of GS1 element strings
 * from DataMatrix / GS1-128, and a trailing terminator (see src/domain/trace/parse-scanned-code.ts).
 */
const scannedCode = z
  .string()
  .min(1)
  .max(512)
  // biome-ignore lint/suspicious/noControlCharactersInRegex: GS (0x1D) is the GS1 FNC1 separator a scanner sends
  .regex(/^[\t\r\n\x1d\x20-\x7e]+$/, '只接受可打印ASCII字符与GS分隔符');

/** Dispensing, stock and traceability-code methods: R-NOSWAP, R-TRACE, R-TRACE-ONCE, R-GUIDE. */
export const dispenseContract = {
  /**
   * Which mode the counter is in (single counter, or counter of a store) and whether its store
   * server answers: the counter says plainly when it cannot accept new pack codes (issue 17).
   */
  'store.link': {
    input: z.object({}).strict(),
    output: {} as StoreLinkView,
    auth: true,
    ...reads,
  },
  /**
   * Pack codes this counter sold offline that another counter sold meanwhile, with both sales,
   * newest first (R-TRACE-ONCE, D42): for the pharmacist to check; empty for a single counter.
   */
  'store.clashes': {
    input: z.object({}).strict(),
    output: [] as StoreClashView[],
    auth: true,
    ...reads,
  },
  /** Opens (or resumes) the dispensing of a reviewed prescription; lines come only from it. */
  'dispense.start': {
    input: z.object({ hiRxno: rxNo }).strict(),
    output: {} as DispensingView,
    auth: true,
    mutates: true,
    audit: audited('dispense.start', {
      subject: 'dispensing',
      detail: { input: ['dispensingId'], output: ['dispensingId', 'state'] },
    }),
  },
  /**
   * Opens (or resumes) the dispensing of an archived paper prescription (R-PAPER-*): lines only
   * from it, same scan/complete path; a licensed pharmacist on duty starts it (R-PHARMACIST).
   */
  'dispense.startPaper': {
    input: z.object({ paperId: z.number().int().positive() }).strict(),
    output: {} as DispensingView,
    auth: true,
    mutates: true,
    audit: audited('dispense.startPaper', {
      subject: 'paper',
      detail: { input: ['paperId'], output: ['dispensingId'] },
    }),
  },
  /** One scan: accepted onto a line, or refused with the rule and, for a repeat, the earlier sale. */
  'dispense.scan': {
    input: z.object({ dispensingId, code: scannedCode }).strict(),
    output: {} as ScanVerdict,
    auth: true,
    mutates: true,
    audit: notAudited(
      'a scan only stages a code on the open dispensing; completion, which sells the codes, is audited',
    ),
  },
  /** Takes a scanned code off an open dispensing (code as shown in ScannedCodeView.code). */
  'dispense.removeCode': {
    input: z.object({ dispensingId, code: scannedCode }).strict(),
    output: {} as DispensingView,
    auth: true,
    mutates: true,
    audit: notAudited('takes a staged code off the open dispensing; nothing was sold'),
  },
  /** All codes scanned: registers them as sold and takes stock FEFO, in one transaction. */
  'dispense.complete': {
    input: z.object({ dispensingId }).strict(),
    output: {} as DispensingView,
    auth: true,
    mutates: true,
    audit: audited('dispense.complete', {
      subject: 'dispensing',
      detail: { input: ['dispensingId'], output: ['state'] },
    }),
  },
  /** Abandons an open dispensing; nothing was sold. */
  'dispense.cancel': {
    input: z.object({ dispensingId }).strict(),
    output: {} as DispensingView,
    auth: true,
    mutates: true,
    audit: audited('dispense.cancel', {
      subject: 'dispensing',
      detail: { input: ['dispensingId'], output: ['state'] },
    }),
  },
  /** 待结算: completed dispensings never settled (stock out, codes sold), oldest first. */
  'dispense.held': {
    input: z.object({}).strict(),
    output: [] as HeldDispensingView[],
    auth: true,
    ...reads,
  },
  /** Reopens a dispensing where it stopped: open → scanning, completed → the settlement step. */
  'dispense.reopen': {
    input: z.object({ dispensingId }).strict(),
    output: {} as ReopenedDispensing,
    auth: true,
    ...reads,
  },
  /**
   * 撤销调剂 of a held dispensing (R-STOCK, R-TRACE-ONCE, R-KEEP): cancelled with its reason,
   * packs back to their batches, codes sellable again, waiting uploads dropped, in one
   * transaction. A settled one is refunded instead (R-REVERSE).
   */
  'dispense.cancelHeld': {
    input: z
      .object({
        dispensingId,
        reason: z.string().trim().min(2, '请填写撤销原因（至少2个字）').max(200),
      })
      .strict(),
    output: {} as CancelledHeldView,
    auth: true,
    roles: {
      allowed: ['pharmacist'],
      refusal: '撤销调剂须由执业药师办理',
      ruleId: 'R-PHARMACIST',
    },
    mutates: true,
    audit: audited('dispense.cancelHeld', {
      subject: 'dispensing',
      detail: { input: ['dispensingId', 'reason'], output: ['state', 'packs', 'codes'] },
    }),
  },
  /** 结转 at the day's close: a held dispensing left for the next day, with its reason (R-KEEP). */
  'dispense.carryOverHeld': {
    input: z
      .object({
        dispensingId,
        reason: z.string().trim().min(4, '请写明结转原因（至少 4 个字）').max(200),
      })
      .strict(),
    output: {} as { dispensingId: number; day: string },
    auth: true,
    roles: {
      allowed: ['pharmacist', 'cashier'],
      refusal: '待结算调剂的结转由柜台的药师或收银员在日结时办理',
      ruleId: 'R-KEEP',
    },
    mutates: true,
    audit: audited('dispense.carryOverHeld', {
      subject: 'dispensing',
      detail: { input: ['dispensingId', 'reason'], output: ['day'] },
    }),
  },
  'dispense.get': {
    input: z.object({ dispensingId }).strict(),
    output: {} as DispensingView,
    auth: true,
    ...reads,
  },
  /** R-HISTORY, R-LONGRX: the patient's earlier dispensings of these drugs and risk warnings. */
  'history.forPrescription': {
    input: z.object({ hiRxno: rxNo }).strict(),
    output: {} as HistoryView,
    auth: true,
    ...reads,
  },
  'stock.list': {
    input: z.object({}).strict(),
    output: [] as StockItemView[],
    auth: true,
    ...reads,
  },
  // stock.receive moved to contract-stock.ts (it now queues its 3503).
  /** R-GUIDE: medication guidance per line, printable. */
  'guidance.forPrescription': {
    input: z.object({ hiRxno: rxNo }).strict(),
    output: {} as GuidanceView,
    auth: true,
    ...reads,
  },
  /** R-GUIDE for a paper prescription (its usage is written on the paper). */
  'guidance.forPaper': {
    input: z.object({ paperId: z.number().int().positive() }).strict(),
    output: {} as GuidanceView,
    auth: true,
    ...reads,
  },
} as const;
