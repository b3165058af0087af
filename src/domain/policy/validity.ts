import { formatBeijingDateTime, parseBeijingDateTime } from './beijing-time';
import type { PolicyPack } from './policy-pack';

const DAY_MS = 86_400_000;

/** The times a prescription's validity depends on (Beijing `yyyy-MM-dd HH:mm:ss`). */
export interface ValiditySubject {
  prscTime: string;
  /** x_upld_time: when the prescription reached the center. */
  uploadTime: string | null;
  /** The prescription's own valid_end_time; null where it states none (paper). */
  validEndTime: string | null;
}

/**
 * When a prescription stops being valid (R-VALID): its own end time, but never later than the
 * region's ceiling counted from upload or issue (渝医保办〔2023〕70号 §二(三)1 "最长有效期不超过7日"
 * is a ceiling, not the window). `governedBy` says which of the two ended it.
 */
export type ValidityWindow =
  | {
      ok: true;
      end: Date;
      governedBy: 'own' | 'ceiling';
      /** The ceiling's start as written, and what it counts from. */
      ceilingFrom: { label: string; text: string };
    }
  | { ok: false; reason: string };

export function validityWindow(
  subject: ValiditySubject,
  validity: PolicyPack['validity'],
): ValidityWindow {
  const { days, from } = validity;
  const label = from === 'upload' ? '上传至电子处方中心' : '开方';
  const text = from === 'upload' ? subject.uploadTime : subject.prscTime;
  const start = text ? parseBeijingDateTime(text) : null;
  if (!text || !start) {
    return {
      ok: false,
      reason: `处方${label}时间缺失或格式错误（${text ?? '无'}），无法判断是否在${days}天有效期内`,
    };
  }
  const ceiling = new Date(start.getTime() + days * DAY_MS);
  const ceilingFrom = { label, text };
  if (subject.validEndTime === null) {
    return { ok: true, end: ceiling, governedBy: 'ceiling', ceilingFrom };
  }
  const own = parseBeijingDateTime(subject.validEndTime);
  if (!own) {
    return {
      ok: false,
      reason: `处方有效期截止时间缺失或格式错误（${subject.validEndTime || '无'}），无法判断处方是否仍有效`,
    };
  }
  return own.getTime() <= ceiling.getTime()
    ? { ok: true, end: own, governedBy: 'own', ceilingFrom }
    : { ok: true, end: ceiling, governedBy: 'ceiling', ceilingFrom };
}

/** Why the prescription is void at `at`, or null while it is still valid (the end second included). */
export function expiryReason(
  window: Extract<ValidityWindow, { ok: true }>,
  days: number,
  at: Date,
): string | null {
  if (at.getTime() <= window.end.getTime()) return null;
  const end = formatBeijingDateTime(window.end);
  return window.governedBy === 'own'
    ? `处方已超过其自身有效期：有效期截止${end}，已失效（地区上限为${window.ceilingFrom.label}后${days}天）`
    : `处方已超过有效期：${window.ceilingFrom.label}于${window.ceilingFrom.text}，有效期${days}天，已于${end}失效`;
}

/** Why the prescription cannot be used at `at` (void, or its times unreadable); null while valid. */
export function validityProblem(
  subject: ValiditySubject,
  validity: PolicyPack['validity'],
  at: Date,
): string | null {
  const window = validityWindow(subject, validity);
  return window.ok ? expiryReason(window, validity.days, at) : window.reason;
}
