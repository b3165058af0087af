import { maskIdNumber, maskName, maskPhone, maskToken } from '../domain/mask';

/** Fields that carry personal data are masked before anything is written to a log. */
const MASKERS: Record<string, (v: string) => string> = {
  certno: maskIdNumber,
  certNo: maskIdNumber,
  mdtrt_cert_no: maskToken,
  card_sn: maskToken,
  psn_name: maskName,
  patnName: maskName,
  name: maskName,
  phone: maskPhone,
  tel: maskPhone,
  password: () => '***',
  ecPassword: () => '***',
  x_ec_pwd_sm3: () => '***',
  token: maskToken,
  // The center configuration's secrets (set-up wizard): never even in part.
  appSecret: () => '***',
  privateKey: () => '***',
  paasToken: () => '***',
  configText: () => '***',
  ec_token: maskToken,
  ecToken: maskToken,
};

export function maskForLog(value: unknown, depth = 0): unknown {
  if (depth > 8 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => maskForLog(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    const masker = MASKERS[k];
    out[k] = masker && typeof v === 'string' ? masker(v) : maskForLog(v, depth + 1);
  }
  return out;
}

export interface Logger {
  info(event: string, data?: Record<string, unknown>): void;
  warn(event: string, data?: Record<string, unknown>): void;
  error(event: string, data?: Record<string, unknown>): void;
}

export function createLogger(
  write: (line: string) => void = (l) => process.stderr.write(`${l}\n`),
): Logger {
  const emit = (level: string, event: string, data?: Record<string, unknown>) =>
    write(
      JSON.stringify({
        t: new Date().toISOString(),
        level,
        event,
        ...(maskForLog(data ?? {}) as object),
      }),
    );
  return {
    info: (e, d) => emit('info', e, d),
    warn: (e, d) => emit('warn', e, d),
    error: (e, d) => emit('error', e, d),
  };
}

/** Every line to stderr and, once the data folder is known, to the log files too. */
export function createTeeWriter(): {
  write(line: string): void;
  attach(sink: (line: string) => void): void;
} {
  let sink: ((line: string) => void) | null = null;
  return {
    write(line) {
      process.stderr.write(`${line}\n`);
      sink?.(line);
    },
    attach(s) {
      sink = s;
    },
  };
}

export const silentLogger: Logger = { info() {}, warn() {}, error() {} };
