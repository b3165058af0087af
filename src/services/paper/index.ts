import path from 'node:path';
import type { PaperDrugOption } from '../../contract/types-paper';
import { DRUG_CLASSES } from '../../domain/catalog/drug-classes';
import { AppError } from '../../domain/errors';
import type { StaffMember } from '../../domain/staff';
import { PaperRepository } from '../../store/paper-repository';
import { PaperSearchRepository } from '../../store/paper-search-repository';
import { SettingsRepository } from '../../store/settings-repository';
import type { AreaDeps } from '../area-deps';
import type { RegionService } from '../region-service';
import { createCaptureService } from './capture-service';
import { writePaperExportZip } from './export-zip';
import { createReadService } from './read-service';
import { currentPackOf } from './region-pack';
import { createScanFolder } from './scan-folder';

/** Paper prescriptions: capture with checks, the 2-year archive, search and export. */
export function createPaperArea(deps: AreaDeps, regions: RegionService) {
  const repo = new PaperRepository(deps.db);
  const search = new PaperSearchRepository(deps.db);
  const capture = createCaptureService({
    repo,
    catalog: deps.catalog,
    pack: currentPackOf(deps.config, regions),
    log: deps.log,
    now: deps.now,
  });
  const read = createReadService({ db: deps.db, repo, search, log: deps.log });
  const exportDeps = {
    repo,
    search,
    log: deps.log,
    pharmacy: deps.config.pharmacy,
    now: deps.now,
  };
  const drugs: PaperDrugOption[] = [...deps.catalog.values()].map((d) => ({
    medListCodg: d.medListCodg,
    genname: d.genname,
    spec: d.spec,
    unit: d.packUnit,
    dualChannel: d.dualChannel,
    tags: [...(d.dualChannel ? ['双通道'] : []), ...d.classes.map((c) => DRUG_CLASSES[c])],
    coldChain: d.coldChain ?? null,
  }));
  return {
    ...capture,
    ...read,
    drugs: () => drugs,
    /** The inspection archive as one zip in <dataDir>/exports. */
    export(staff: StaffMember, range: { from: string; to: string }) {
      if (staff.role === 'cashier') {
        throw new AppError('FORBIDDEN', '收银员不能导出纸质处方归档（含患者完整个人信息）', {
          ruleId: 'R-PAPER-KEEP',
        });
      }
      return writePaperExportZip(exportDeps, range, {
        dir: path.join(deps.config.dataDir, 'exports'),
      });
    },
    scanFolder: createScanFolder({
      settings: new SettingsRepository(deps.db),
      dataDir: deps.config.dataDir,
    }),
  };
}

export type PaperArea = ReturnType<typeof createPaperArea>;
