import type { Role } from '../domain/staff';
import type { Db } from './database';
import { StaffRepository } from './staff-repository';

export interface DemoStaff {
  username: string;
  displayName: string;
  role: Role;
  pharmacistCode: string | null;
  password: string;
}

/** Sandbox-mode accounts (also listed in the README). Never seeded into a real deployment. */
export const DEMO_STAFF: readonly DemoStaff[] = [
  {
    username: 'yaoshi',
    displayName: '张药师',
    role: 'pharmacist',
    pharmacistCode: 'Y500103000123',
    password: 'demo1234',
  },
  {
    username: 'shouyin',
    displayName: '李收银',
    role: 'cashier',
    pharmacistCode: null,
    password: 'demo1234',
  },
  {
    username: 'admin',
    displayName: '管理员',
    role: 'admin',
    pharmacistCode: null,
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
  if (repo.count() > 0) return 0;
  // Hash first (async), then insert in one transaction that checks emptiness again, so two
  // concurrent seeds cannot both insert.
  const hashes = await Promise.all(DEMO_STAFF.map((s) => hash(s.password)));
  return db
    .transaction(() => {
      if (repo.count() > 0) return 0;
      DEMO_STAFF.forEach((s, i) => {
        repo.create({
          username: s.username,
          displayName: s.displayName,
          role: s.role,
          pharmacistCode: s.pharmacistCode,
          passwordHash: hashes[i] ?? '',
        });
      });
      return DEMO_STAFF.length;
    })
    .immediate();
}
