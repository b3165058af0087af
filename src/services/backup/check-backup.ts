import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { AuditRepository } from '../../store/audit-repository';
import { currentVersion, latestVersion } from '../../store/migrations';
import { createAnchorFile } from '../audit/anchor-file';
import { sm3AuditHasher } from '../audit/audit-hasher';
import { verifyAuditTrail } from '../audit/audit-verify';
import { type BackupManifest, manifestPath, sm3OfFile } from './backup-files';

export interface BackupCheck {
  ok: boolean;
  manifest: BackupManifest | null;
  /** One Chinese line per check, in order; the first failing one says what is wrong. */
  findings: Array<{ ok: boolean; text: string }>;
}

/**
 * Everything a restore must know before it replaces anything: the manifest is readable, the file
 * is the one the backup wrote (size and SM3), SQLite finds it intact, its schema is not newer
 * than this program, and its audit chain verifies against the anchor saved with it.
 */
export async function checkBackup(
  backupDir: string,
  expect: { institutionCode?: string } = {},
): Promise<BackupCheck> {
  const findings: BackupCheck['findings'] = [];
  const fail = (text: string): BackupCheck => {
    findings.push({ ok: false, text });
    return { ok: false, manifest, findings };
  };
  let manifest: BackupManifest | null = null;
  try {
    manifest = JSON.parse(readFileSync(manifestPath(backupDir), 'utf8')) as BackupManifest;
  } catch {
    return fail(`备份清单 manifest.json 缺失或无法读取：${backupDir} 不是完整的柜台备份`);
  }
  if (manifest.format !== 1)
    return fail(`备份格式 ${String(manifest.format)} 不是本程序能恢复的格式`);
  if (expect.institutionCode && manifest.institutionCode !== expect.institutionCode) {
    return fail(
      `该备份属于机构 ${manifest.institutionCode}，不是本药店（${expect.institutionCode}）的数据`,
    );
  }
  const dbFile = path.join(backupDir, manifest.dbFile);
  if (!existsSync(dbFile)) return fail('备份中缺少数据库文件 counter.db');
  if (statSync(dbFile).size !== manifest.dbBytes || (await sm3OfFile(dbFile)) !== manifest.dbSm3) {
    return fail('数据库文件与备份清单记录的大小或 SM3 摘要不符：备份已损坏或被改动');
  }
  findings.push({ ok: true, text: '数据库文件与清单一致（大小、SM3 摘要）' });

  const db = new Database(dbFile, { readonly: true, fileMustExist: true });
  try {
    const integrity = db.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') return fail(`SQLite 完整性检查未通过：${String(integrity)}`);
    findings.push({ ok: true, text: 'SQLite 完整性检查通过' });
    const version = currentVersion(db);
    if (version > latestVersion()) {
      return fail(`备份的数据结构版本 ${version} 新于本程序（${latestVersion()}），请先升级程序`);
    }
    findings.push({
      ok: true,
      text: `数据结构版本 ${version}（本程序 ${latestVersion()}，恢复后自动升级）`,
    });
    const audit = verifyAuditTrail({
      repo: new AuditRepository(db),
      anchor: createAnchorFile(backupDir),
      hash: sm3AuditHasher,
    });
    if (!audit.ok) return fail(`审计链校验未通过：${audit.verdict}`);
    findings.push({ ok: true, text: audit.verdict });
  } finally {
    db.close();
  }
  return { ok: true, manifest, findings };
}
