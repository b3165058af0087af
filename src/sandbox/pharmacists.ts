import type { SandboxDb } from './db';
import { DEMO_PHARMACISTS } from './seed-data';

export interface PharmacistRow {
  phar_code: string;
  phar_name: string;
  phar_cert_type: string;
  phar_certno: string;
  prac_status: string;
}

/** The center's registry of insurance pharmacists (医保药师代码), checked by 7206. */
export function findPharmacist(db: SandboxDb, pharCode: string): PharmacistRow | null {
  return (
    (db.prepare('SELECT * FROM pharmacists WHERE phar_code = ?').get(pharCode) as
      | PharmacistRow
      | undefined) ?? null
  );
}

const quote = (v: string) => `'${v.replaceAll("'", "''")}'`;

/** SQL of the sandbox migration step that registers the demo pharmacists. */
export function demoPharmacistsSql(): string {
  return DEMO_PHARMACISTS.map(
    (p) =>
      `INSERT OR IGNORE INTO pharmacists (phar_code, phar_name, phar_cert_type, phar_certno, prac_status)
       VALUES (${quote(p.pharCode)}, ${quote(p.pharName)}, ${quote(p.certType)}, ${quote(p.certno)}, '1');`,
  ).join('\n');
}
