import path from 'node:path';
import type { PaperDrugOption } from '../../api/types-paper';
import { DRUG_CLASSES } from '../../domain/catalog/drug-classes';
import { AppError } from '../../domain/errors';
import type { StaffMember } from '../../domain/staff';
import { PaperRepository } from '../../store/paper-repository';
import { PaperSearchRepository } from '../../store/paper-search-repository';
import type { AreaDeps } from '../area-deps';
import type { RegionService } from '../region-service';
import { createCaptureService } from './capture-service';
import { writePaperExport } from './export-bundle';
import { createReadService } from './read-service';
import { currentPackOf } from './region-pack';

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
  const read = createReadService({ repo, search, log: deps.log });
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
  }));
  return {
    ...capture,
    ...read,
    drugs: () => drugs,
    /** Into <dataDir>/exports (API), or any folder (CLI). */
    export(staff: StaffMember | null, range: { from: string; to: string }, outDir?: string) {
      if (staff && staff.role === 'cashier') {
        throw new AppError('FORBIDDEN', '收银员不能导出纸质处方归档（含患者个人信息）');
      }
      return writePaperExport(
        exportDeps,
        range,
        outDir ?? path.join(deps.config.dataDir, 'exports'),
      );
    },
  };
}

export type PaperArea = ReturnType<typeof createPaperArea>;
