import type { AppErrorShape } from '../domain/errors';
import type { Role } from '../domain/staff';

/** Every API call answers with this envelope on both transports (IPC and HTTP). */
export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: AppErrorShape };

export interface AppInfo {
  version: string;
  mode: 'desktop' | 'browser';
  /** True when talking to the embedded sandbox center rather than a real one. */
  sandbox: boolean;
  pharmacy: { code: string; name: string; admdvs: string };
}

export interface SessionInfo {
  token: string;
  staff: { id: number; username: string; displayName: string; role: Role; roleLabel: string };
  center: CenterSignIn;
}

export interface CenterSignIn {
  /** Sign-in number from 9001; null when the center could not be reached at log-in. */
  signNo: string | null;
  signTime: string | null;
  /** Chinese explanation when signNo is null. */
  error: string | null;
}

export interface InsuredPerson {
  psnNo: string;
  name: string;
  /** Masked: 5001**********1234 */
  certnoMasked: string;
  gender: string;
  age: number;
  birthday: string;
  insutypes: Array<{
    insutype: string;
    label: string;
    psnType: string;
    balanceFen: number;
    insuplcAdmdvs: string;
    status: string;
  }>;
  /** Which credential found the person: 01 e-voucher, 02 ID card, 03 social-security card. */
  certType: '01' | '02' | '03';
}

export interface OutboxStatus {
  pending: number;
  parked: number;
  delivered: number;
  oldestPendingAgeMs: number | null;
  lastError: string | null;
}
