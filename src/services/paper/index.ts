import type { PaperDrugOption, PaperExportResult } from '../../contract/types-paper';
import { DRUG_CLASSES } from '../../domain/catalog/drug-classes';
import { AppError } from '../../domain/errors';
import type { StaffMember } from '../../domain/staff';
import { PaperIndexRepository } from '../../store/paper-index-repository';
import { PaperRepository } from '../../store/paper-repository';
import { PaperSearchRepository } from '../../store/paper-search-repository';
import { SettingsRepository } from '../../store/settings-repository';
import type { AreaDeps } from '../area-deps';
import { jobsOf } from '../background/jobs-of';
import type { RegionService } from '../region-service';
import { createCaptureService } from './capture-service';
import { createConfirmService } from './confirm-service';
import { createReadService } from './read-service';
import { currentPackOf } from './region-pack';
import { createScanFolder } from './scan-folder';
import { createStorePaperIndex } from './store-index';
import { createStorePaperIndexDelivery } from './store-paper-index-delivery';
import { storeSeenCheck } from './store-seen';

/** Paper prescriptions: capture with checks, the 2-year archive, search and export. */
export function createPaperArea(deps: AreaDeps, regions: RegionService) {
  const repo = new PaperRepository(deps.db);
  const search = new PaperSearchRepository(deps.db);
  const link = deps.storeLink;
  // Store mode (D56): the archive is indexed at the store, and a capture asks it first.
  const toStore = link
    ? createStorePaperIndexDelivery({
        papers: repo,
        index: new PaperIndexRepository(deps.db),
        link,
        log: deps.log,
      })
    : null;
  const capture = createCaptureService({
    repo,
    catalog: deps.catalog,
    pack: currentPackOf(deps.config, regions),
    log: deps.log,
    now: deps.now,
    ...(link ? { seenAtStore: storeSeenCheck(link, deps.log) } : {}),
    ...(toStore ? { archived: toStore.soon } : {}),
  });
  const confirmation = createConfirmService({ repo, log: deps.log, now: deps.now });
  const read = createReadService({ db: deps.db, repo, search, log: deps.log });
  const jobs = jobsOf(deps);
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
    storeIndex: createStorePaperIndex({ link, repo, log: deps.log }),
    /** Store mode: the pass copying this counter's archive to the store's index (D56). */
    toStore,
    ...confirmation,
    ...read,
    drugs: () => drugs,
    /** The inspection archive as one zip in <dataDir>/exports, written in the background. */
    export(staff: StaffMember, range: { from: string; to: string }): Promise<PaperExportResult> {
      if (staff.role === 'cashier') {
        throw new AppError('FORBIDDEN', '收银员不能导出纸质处方归档（含患者完整个人信息）', {
          ruleId: 'R-PAPER-KEEP',
        });
      }
      return jobs.run('paper.export', {
        ...range,
        pharmacy: deps.config.pharmacy,
        atMs: deps.now().getTime(),
      });
    },
    scanFolder: createScanFolder({
      settings: new SettingsRepository(deps.db),
      dataDir: deps.config.dataDir,
    }),
  };
}

export type PaperArea = ReturnType<typeof createPaperArea>;
