import { beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../src/domain/errors';
import type { Role } from '../../../src/domain/staff';
import { type Db, openDatabase } from '../../../src/store/database';
import { StaffRepository } from '../../../src/store/staff-repository';

describe('StaffRepository', () => {
  let db: Db;
  let repo: StaffRepository;
  beforeEach(() => {
    db = openDatabase(':memory:');
    repo = new StaffRepository(db, () => 1_700_000_000_000);
  });

  it('stores staff with their role and maps rows to StaffMember [R-PHARMACIST]', () => {
    const p = repo.create({
      username: 'yaoshi',
      displayName: '张药师',
      role: 'pharmacist',
      pharmacistCode: 'Y500103000123',
      passwordHash: 'h1',
    });
    const c = repo.create({
      username: 'shouyin',
      displayName: '李收银',
      role: 'cashier',
      passwordHash: 'h2',
    });
    expect(p).toEqual({
      id: p.id,
      username: 'yaoshi',
      displayName: '张药师',
      role: 'pharmacist',
      pharmacistCode: 'Y500103000123',
    });
    expect(repo.findById(c.id)).toEqual({
      id: c.id,
      username: 'shouyin',
      displayName: '李收银',
      role: 'cashier',
      pharmacistCode: null,
    });
    expect(repo.findByUsername('yaoshi')).toEqual({
      mustChangePassword: false,
      staff: p,
      passwordHash: 'h1',
      active: true,
    });
    expect(repo.list().map((s) => [s.username, s.role, s.active, s.createdAt])).toEqual([
      ['yaoshi', 'pharmacist', true, 1_700_000_000_000],
      ['shouyin', 'cashier', true, 1_700_000_000_000],
    ]);
  });

  it('finds usernames case-insensitively and refuses a duplicate in Chinese [ARCH]', () => {
    repo.create({ username: 'admin', displayName: '管理员', role: 'admin', passwordHash: 'h' });
    expect(repo.findByUsername(' ADMIN ')?.staff.username).toBe('admin');
    expect(() =>
      repo.create({ username: 'Admin', displayName: '另一个', role: 'admin', passwordHash: 'h' }),
    ).toThrow(/用户名“Admin”已被使用/);
    expect(repo.count()).toBe(1);
  });

  it('refuses a pharmacist without a national pharmacist code, in the repository and in the schema [R-PHARMACIST]', () => {
    let caught: unknown;
    try {
      repo.create({ username: 'p', displayName: '王药师', role: 'pharmacist', passwordHash: 'h' });
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(AppError);
    expect((caught as AppError).ruleId).toBe('R-PHARMACIST');
    expect(() =>
      db
        .prepare(
          "INSERT INTO staff (username, display_name, role, password_hash, created_at) VALUES ('p', '王药师', 'pharmacist', 'h', 1)",
        )
        .run(),
    ).toThrow(/CHECK/);
  });

  it('accepts only the three known roles [R-PHARMACIST]', () => {
    expect(() =>
      db
        .prepare(
          "INSERT INTO staff (username, display_name, role, password_hash, created_at) VALUES ('x', 'x', 'doctor', 'h', 1)",
        )
        .run(),
    ).toThrow(/CHECK/);
    // input that bypassed the types (e.g. from a settings file) is still refused
    const role = 'doctor' as Role;
    expect(() => repo.create({ username: 'x', displayName: 'x', role, passwordHash: 'h' })).toThrow(
      /未知的岗位/,
    );
  });

  it('a deactivated account can no longer act but is still listed [R-PHARMACIST]', () => {
    const s = repo.create({
      username: 'shouyin',
      displayName: '李收银',
      role: 'cashier',
      passwordHash: 'h',
    });
    expect(repo.setActive(s.id, false)).toBe(true);
    expect(repo.findById(s.id)).toBeNull();
    expect(repo.findByUsername('shouyin')?.active).toBe(false);
    expect(repo.list()[0]?.active).toBe(false);
    expect(repo.findById(9999)).toBeNull();
    expect(repo.findByUsername('nobody')).toBeNull();
  });
});
