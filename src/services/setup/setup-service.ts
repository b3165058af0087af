import path from 'node:path';
import type {
  CenterConfigSummary,
  ConnectionReport,
  SetupDone,
  SetupStatus,
  StoreLinkChoiceInput,
} from '../../contract/types-setup';
import { AppError } from '../../domain/errors';
import { passwordProblems } from '../../domain/password-policy';
import { lockDataDir } from '../../store/data-dir-lock';
import { openDatabase } from '../../store/database';
import { SettingsRepository } from '../../store/settings-repository';
import { StaffRepository } from '../../store/staff-repository';
import { createAuditArea } from '../audit';
import { crlDirOf, realCenterOf } from '../config';
import type { Logger } from '../logger';
import { hashPassword } from '../password';
import { loadPolicyPacks } from '../policy-loader';
import { createRegionService } from '../region-service';
import { recordedMsgidSpace } from '../store-msgid-slot';
import {
  type CaFileUpload,
  checkCaFiles,
  type ImportedCenterConfig,
  parseCenterConfigText,
  summaryOf,
  writeCaFiles,
  writeCenterConfig,
} from './center-config-import';
import { testConnection } from './connection-test';
import { centerFolderOf, markDemoFolder } from './data-folder-mode';
import { chooseStoreLink, sandboxInstitution } from './store-link-choice';

export interface SetupDeps {
  dataDir: string;
  policyDir: string;
  log: Logger;
  nativeBinding?: string | undefined;
}

/**
 * The first-run wizard's backend, alive only while the data folder has no configuration: it
 * holds the folder's lock and database (for the first administrator and the audit trail),
 * imports and tests the center configuration, and ends in exactly one of demo or real mode.
 */
export function createSetupService(deps: SetupDeps) {
  const lock = lockDataDir(deps.dataDir, deps.nativeBinding);
  let db: ReturnType<typeof openDatabase>;
  try {
    db = openDatabase(path.join(deps.dataDir, 'counter.db'), deps.nativeBinding);
  } catch (err) {
    lock.release();
    throw err;
  }
  const staff = new StaffRepository(db);
  const audit = createAuditArea({ db, log: deps.log, now: () => new Date(), config: deps });
  let imported: ImportedCenterConfig | null = null;
  let summary: CenterConfigSummary | null = null;
  let connection: ConnectionReport | null = null;
  let done: SetupDone['mode'] | null = null;

  function assertOpen(): void {
    if (done) throw new AppError('FORBIDDEN', '首次设置已完成，设置接口已关闭');
  }

  const adminCreated = () => staff.count() > 0;

  function regionOf(file: ImportedCenterConfig['file']): { id: string; name: string } {
    const regions = createRegionService({
      packs: loadPolicyPacks(deps.policyDir, { pharmacyAdmdvs: file.pharmacy.admdvs }),
      catalog: new Map(),
      settings: new SettingsRepository(db),
      defaultRegion: file.region ?? null,
      pharmacyAdmdvs: file.pharmacy.admdvs,
    });
    const current = regions.current();
    if (file.region && current.id !== file.region) {
      throw new AppError(
        'VALIDATION',
        `医保中心配置文件有误：地区政策包（region）“${file.region}”不存在`,
      );
    }
    return current;
  }

  function centerOf(c: ImportedCenterConfig) {
    const file = { ...c.file, trust: { ...c.file.trust, caFiles: c.caFileNames } };
    return realCenterOf(file, centerFolderOf(deps.dataDir), crlDirOf(deps.dataDir));
  }

  return {
    audit,

    status(): SetupStatus {
      return {
        phase: done ? 'configured' : 'setup',
        imported: summary,
        connectionOk: connection?.allOk ?? false,
        adminCreated: adminCreated(),
      };
    },

    importCenterConfig(input: {
      configText: string;
      caFiles: CaFileUpload[];
    }): CenterConfigSummary {
      assertOpen();
      const file = parseCenterConfigText(input.configText);
      const caBytes = checkCaFiles(input.caFiles);
      const region = regionOf(file);
      imported = { file, caFileNames: writeCaFiles(deps.dataDir, caBytes) };
      connection = null;
      summary = summaryOf(imported, region);
      return summary;
    },

    async testConnection(): Promise<ConnectionReport> {
      assertOpen();
      if (!imported) throw new AppError('CONFLICT', '请先导入医保中心配置文件');
      connection = await testConnection(
        centerOf(imported),
        deps.log,
        recordedMsgidSpace(deps.dataDir, imported.file.pharmacy.fixmedinsCode),
      );
      return connection;
    },

    async createFirstAdmin(input: {
      username: string;
      displayName: string;
      password: string;
    }): Promise<{ username: string }> {
      assertOpen();
      if (adminCreated())
        throw new AppError('CONFLICT', '已创建过管理员：首次设置只创建第一位管理员');
      const problems = passwordProblems(input.password, input.username);
      if (problems.length)
        throw new AppError('VALIDATION', `密码不符合要求：${problems.join('；')}`);
      const passwordHash = await hashPassword(input.password);
      const created = db
        .transaction(() => {
          if (staff.count() > 0)
            throw new AppError('CONFLICT', '已创建过管理员：首次设置只创建第一位管理员');
          return staff.create({ ...input, role: 'admin', passwordHash });
        })
        .immediate();
      return { username: created.username };
    },

    /** 单柜台 / 门店柜台: the institution is the imported center's pharmacy, else the sandbox's. */
    storeLink(input: StoreLinkChoiceInput) {
      assertOpen();
      const institution = imported?.file.pharmacy.fixmedinsCode ?? sandboxInstitution();
      return chooseStoreLink(deps.dataDir, institution, input);
    },

    chooseDemo(): SetupDone {
      assertOpen();
      if (adminCreated()) {
        throw new AppError('CONFLICT', '已为真实医保中心创建了管理员，不能再改为演示/培训模式');
      }
      markDemoFolder(deps.dataDir);
      done = 'demo';
      return { mode: done };
    },

    finish(): SetupDone {
      assertOpen();
      if (!imported) throw new AppError('CONFLICT', '请先导入医保中心配置文件');
      if (!connection?.allOk)
        throw new AppError('CONFLICT', '连接测试尚未全部通过，请先完成连接测试');
      if (!adminCreated()) throw new AppError('CONFLICT', '请先创建第一位管理员');
      writeCenterConfig(deps.dataDir, imported);
      done = 'real';
      return { mode: done };
    },

    /** Releases the database and the folder lock for the counter's own services. */
    close(): void {
      db.close();
      lock.release();
    },
  };
}

export type SetupService = ReturnType<typeof createSetupService>;
