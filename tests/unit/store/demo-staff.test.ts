import { describe, expect, it } from 'vitest';
import { ROLES } from '../../../src/domain/staff';
import { hashPassword, verifyPassword } from '../../../src/services/password';
import { openDatabase } from '../../../src/store/database';
import { DEMO_STAFF, seedDemoStaff } from '../../../src/store/demo-staff';
import { StaffRepository } from '../../../src/store/staff-repository';

describe('demo staff (sandbox mode)', () => {
  it('seeds one account per role, with working passwords, only into an empty staff table [R-PHARMACIST]', async () => {
    const db = openDatabase(':memory:');
    expect(await seedDemoStaff(db, hashPassword)).toBe(3);
    const repo = new StaffRepository(db);
    expect(
      repo
        .list()
        .map((s) => s.role)
        .sort(),
    ).toEqual([...ROLES].sort());
    const pharmacist = repo.findByUsername('yaoshi');
    expect(pharmacist?.staff).toMatchObject({
      displayName: '张敏',
      role: 'pharmacist',
      pharmacistCode: 'Y500103000123',
    });
    for (const demo of DEMO_STAFF) {
      const found = repo.findByUsername(demo.username);
      expect(found?.passwordHash).not.toContain(demo.password);
      expect(await verifyPassword(demo.password, found?.passwordHash ?? '')).toBe(true);
    }
    expect(await seedDemoStaff(db, hashPassword)).toBe(0);
    expect(repo.count()).toBe(3);
  });

  it('leaves a pharmacy that has its own staff alone [ARCH]', async () => {
    const db = openDatabase(':memory:');
    new StaffRepository(db).create({
      username: 'real',
      displayName: '真实员工',
      role: 'admin',
      passwordHash: 'h',
    });
    expect(await seedDemoStaff(db, async (p) => `plain:${p}`)).toBe(0);
    expect(new StaffRepository(db).findByUsername('yaoshi')).toBeNull();
  });
});
