import type { Role } from '../domain/staff';
import type { Db } from './database';
import { StaffIdentityRepository } from './staff-identity-repository';
import { StaffRepository } from './staff-repository';

export interface DemoStaff {
  username: string;
  displayName: string;
  role: Role;
  pharmacistCode: string | null;
  /** 居民身份证号: the pharmacist's own e-voucher resolves to it (sandbox person 张敏). */
  certno: string | null;
  password: string;
}

/** Sandbox-mode accounts (also listed in the README). Never seeded into a real deployment. */
export const DEMO_STAFF: readonly DemoStaff[] = [
  {
    username: 'yaoshi',
    displayName: '张敏',
    role: 'pharmacist',
    pharmacistCode: 'Y500103000123',
    certno: '500103198604123028',
    password: 'demo1234',
  },
  {
    username: 'shouyin',
    displayName: '李收银',
    role: 'cashier',
    pharmacistCode: null,
    certno: null,
    password: 'demo1234',
  },
  {
    username: 'admin',
    displayName: '管理员',
    role: 'admin',
    pharmacistCode: null,
    certno: null,
    password: 'demo1234',
  },
];

/**
 * Creates the demo accounts when the staff table is empty; leaves any existing staff alone.
 * Returns how many accounts were created.
 */
export async function seedDemoStaff(
  db: Db,
  hash: (plain: string) => Promise<string>,
): Promise<number> {
  const repo = new StaffRepository(db);
  if (repo.count() > 0) {
    backfillDemoIdentities(db, repo);
    return 0;
  }
  // Hash first (async), then insert in one transaction that checks emptiness again, so two
  // concurrent seeds cannot both insert.
  const hashes = await Promise.all(DEMO_STAFF.map((s) => hash(s.password)));
  return db
    .transaction(() => {
      if (repo.count() > 0) return 0;
      const identities = new StaffIdentityRepository(db);
      DEMO_STAFF.forEach((s, i) => {
        const created = repo.create({
          username: s.username,
          displayName: s.displayName,
          role: s.role,
          pharmacistCode: s.pharmacistCode,
          passwordHash: hashes[i] ?? '',
        });
        if (s.certno) identities.set(created.id, s.certno);
      });
      return DEMO_STAFF.length;
    })
    .immediate();
}

/** A sandbox database seeded before migration 3 gets the demo pharmacist's ID number once. */
function backfillDemoIdentities(db: Db, repo: StaffRepository): void {
  const identities = new StaffIdentityRepository(db);
  for (const s of DEMO_STAFF) {
    const found = s.certno ? repo.findByUsername(s.username) : null;
    if (found && s.certno && !identities.get(found.staff.id))
      identities.set(found.staff.id, s.certno);
  }
}
