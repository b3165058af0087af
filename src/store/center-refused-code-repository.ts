import type { CenterRefusedCode } from '../domain/trace/sold-code';
import type { Db } from './database';

export class CenterRefusedCodeRepository {
  private readonly lookup;
  private readonly upsert;

  constructor(db: Db) {
    this.lookup = db.prepare('SELECT * FROM center_refused_codes WHERE code = ?');
    this.upsert = db.prepare(
      `INSERT INTO center_refused_codes (code, center_message, infno, msgid, refused_at)
       VALUES (@code, @centerMessage, @infno, @msgid, @refusedAt)
       ON CONFLICT (code) DO UPDATE SET center_message = excluded.center_message,
         infno = excluded.infno, msgid = excluded.msgid, refused_at = excluded.refused_at`,
    );
  }

  /** Remembers the latest refusal of the code (a resend refused again only refreshes it). */
  record(r: CenterRefusedCode): void {
    this.upsert.run(r);
  }

  find(code: string): CenterRefusedCode | undefined {
    const r = this.lookup.get(code) as Record<string, unknown> | undefined;
    if (!r) return undefined;
    return {
      code: r.code as string,
      centerMessage: r.center_message as string,
      infno: r.infno as '7207' | '3505',
      msgid: r.msgid as string,
      refusedAt: r.refused_at as number,
    };
  }
}
