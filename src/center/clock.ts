/**
 * Time stamps as the platform writes them. The national platform runs on Beijing time
 * (UTC+8, no daylight saving), whatever zone the counter's operating system is set to, so
 * every protocol time is formatted and parsed in that fixed offset.
 */
const BEIJING_OFFSET_MS = 8 * 3600_000;

interface Parts {
  y: string;
  mo: string;
  d: string;
  h: string;
  mi: string;
  s: string;
  ms: string;
}

function parts(date: Date): Parts {
  const t = new Date(date.getTime() + BEIJING_OFFSET_MS);
  const p2 = (n: number) => String(n).padStart(2, '0');
  return {
    y: String(t.getUTCFullYear()).padStart(4, '0'),
    mo: p2(t.getUTCMonth() + 1),
    d: p2(t.getUTCDate()),
    h: p2(t.getUTCHours()),
    mi: p2(t.getUTCMinutes()),
    s: p2(t.getUTCSeconds()),
    ms: String(t.getUTCMilliseconds()).padStart(3, '0'),
  };
}

/** yyyyMMddHHmmss (msgid, inf_refmsgid). */
export function compactTime(date: Date): string {
  const p = parts(date);
  return `${p.y}${p.mo}${p.d}${p.h}${p.mi}${p.s}`;
}

/** yyyyMMddHHmmssSSS (refmsg_time, respond_time). */
export function compactTimeMs(date: Date): string {
  return `${compactTime(date)}${parts(date).ms}`;
}

/** yyyy-MM-dd HH:mm:ss (inf_time, sign_time and other datetime fields). */
export function dateTime(date: Date): string {
  const p = parts(date);
  return `${p.y}-${p.mo}-${p.d} ${p.h}:${p.mi}:${p.s}`;
}

/** yyyy-MM-dd. */
export function dateOnly(date: Date): string {
  const p = parts(date);
  return `${p.y}-${p.mo}-${p.d}`;
}

function fromFields(
  y: number,
  mo: number,
  d: number,
  h: number,
  mi: number,
  s: number,
): Date | null {
  const ms = Date.UTC(y, mo - 1, d, h, mi, s) - BEIJING_OFFSET_MS;
  const date = new Date(ms);
  const back = parts(date);
  const same =
    Number(back.y) === y &&
    Number(back.mo) === mo &&
    Number(back.d) === d &&
    Number(back.h) === h &&
    Number(back.mi) === mi &&
    Number(back.s) === s;
  return same ? date : null;
}

/** Parses yyyy-MM-dd HH:mm:ss (Beijing time); null when malformed or not a real date. */
export function parseDateTime(text: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/.exec(text);
  if (!m) return null;
  return fromFields(
    Number(m[1]),
    Number(m[2]),
    Number(m[3]),
    Number(m[4]),
    Number(m[5]),
    Number(m[6]),
  );
}

/** Parses yyyyMMddHHmmss (Beijing time); null when malformed or not a real date. */
export function parseCompactTime(text: string): Date | null {
  const m = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(text);
  if (!m) return null;
  return fromFields(
    Number(m[1]),
    Number(m[2]),
    Number(m[3]),
    Number(m[4]),
    Number(m[5]),
    Number(m[6]),
  );
}

/**
 * The center's time where known: the local clock moved by how far the last reply's
 * `respond_time` (yyyyMMddHHmmssSSS) was from it. Until a reply is seen it is the local clock.
 */
export class CenterClock {
  private offsetMs = 0;

  constructor(private readonly localNow: () => Date) {}

  observe(respondTime: string): void {
    const at = parseCompactTime(respondTime.slice(0, 14));
    if (!at || !/^\d{17}$/.test(respondTime)) return;
    this.offsetMs = at.getTime() + Number(respondTime.slice(14)) - this.localNow().getTime();
  }

  now(): Date {
    return new Date(this.localNow().getTime() + this.offsetMs);
  }
}
