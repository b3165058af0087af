import type { SandboxConfig } from './config';
import type { SandboxDb } from './db';
import { setEcPassword } from './ec-voucher';
import { staffOf } from './hospital/clinic-data';
import { sandboxHospitals } from './hospitals';
import { DEMO_EXTRA_INSTITUTIONS, DEMO_PATIENTS } from './seed-data';

/**
 * Registers the configured pharmacy and hospitals (every start, so a changed config takes
 * effect) and, on the first start only, the demo patients; a demo patient without an
 * e-voucher password record (a database from before it) gets the demo one.
 */
export function seedSandbox(db: SandboxDb, config: SandboxConfig): { seededPatients: number } {
  const upsertInstitution = db.prepare(
    `INSERT INTO institutions (fixmedins_code, fixmedins_name, fixmedins_type, admdvs) VALUES (?, ?, ?, ?)
     ON CONFLICT(fixmedins_code) DO UPDATE SET fixmedins_name = excluded.fixmedins_name,
       fixmedins_type = excluded.fixmedins_type, admdvs = excluded.admdvs`,
  );
  return db.transaction(() => {
    const { pharmacy } = config;
    upsertInstitution.run(
      pharmacy.fixmedinsCode,
      pharmacy.fixmedinsName,
      'pharmacy',
      pharmacy.admdvs,
    );
    const responsible = db.prepare(
      'INSERT OR IGNORE INTO dual_resp_doctors (fixmedins_code, dr_code) VALUES (?, ?)',
    );
    for (const h of sandboxHospitals(config)) {
      upsertInstitution.run(h.fixmedinsCode, h.fixmedinsName, 'hospital', h.admdvs);
      // The first two doctors of each hospital are its dual-channel responsible physicians.
      for (const i of [0, 1]) responsible.run(h.fixmedinsCode, staffOf(h.admdvs, i).drCode);
    }
    for (const i of DEMO_EXTRA_INSTITUTIONS)
      upsertInstitution.run(i.fixmedinsCode, i.fixmedinsName, i.type, i.admdvs);

    const seeded = db.prepare(`SELECT 1 FROM meta WHERE key = 'demo_seeded'`).get() !== undefined;
    if (!seeded) {
      insertDemoPatients(db);
      db.prepare(`INSERT INTO meta (key, value) VALUES ('demo_seeded', ?)`).run(String(Date.now()));
    }
    seedEcPasswords(db);
    return { seededPatients: seeded ? 0 : DEMO_PATIENTS.length };
  })();
}

function seedEcPasswords(db: SandboxDb): void {
  const known = db.prepare(
    `SELECT 1 FROM patients p WHERE p.psn_no = ?
       AND NOT EXISTS (SELECT 1 FROM ec_voucher_passwords e WHERE e.psn_no = p.psn_no)`,
  );
  for (const p of DEMO_PATIENTS) {
    if (known.get(p.psnNo)) setEcPassword(db, p.psnNo, p.ecPassword);
  }
}

function insertDemoPatients(db: SandboxDb): void {
  const patient = db.prepare(
    `INSERT INTO patients (psn_no, psn_name, psn_cert_type, certno, gend, naty, brdy, ec_token, card_no, card_sn, insuplc_admdvs)
     VALUES (?, ?, '01', ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insurance = db.prepare(
    `INSERT INTO patient_insurances (psn_no, insutype, psn_type, psn_insu_stas, psn_insu_date, paus_insu_date,
       cvlserv_flag, balc_fen, emp_name, insuplc_admdvs) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const identity = db.prepare(
    `INSERT INTO patient_identities (psn_no, psn_idet_type, psn_type_lv, memo, begntime, endtime) VALUES (?, ?, ?, ?, ?, ?)`,
  );
  for (const p of DEMO_PATIENTS) {
    patient.run(
      p.psnNo,
      p.name,
      p.certno,
      p.gender,
      p.naty,
      p.birthday,
      p.ecToken,
      p.cardNo,
      p.cardSn,
      p.insuplcAdmdvs,
    );
    for (const i of p.insurances) {
      insurance.run(
        p.psnNo,
        i.insutype,
        i.psnType,
        i.status,
        i.insuDate,
        i.pausDate ?? null,
        i.cvlservFlag,
        i.balanceFen,
        i.empName,
        p.insuplcAdmdvs,
      );
    }
    for (const d of p.identities)
      identity.run(p.psnNo, d.psnIdetType, d.psnTypeLv, d.memo, d.begntime, d.endtime);
  }
}
