import path from 'node:path';
import { FsiClient } from '../center/fsi-client';
import type { AppInfo } from '../contract/types';
import { type DataDirLock, lockDataDir } from '../store/data-dir-lock';
import { openDatabase } from '../store/database';
import { seedDemoStaff } from '../store/demo-staff';
import { InsuranceStandingRepository } from '../store/insurance-standing-repository';
import { OutboxRepository } from '../store/outbox-repository';
import { PrescriptionRepository } from '../store/prescription-repository';
import { SessionRepository } from '../store/session-repository';
import { SettingsRepository } from '../store/settings-repository';
import { StaffRepository } from '../store/staff-repository';
import type { AreaDeps } from './area-deps';
import { createAuditArea } from './audit';
import { createAuthService } from './auth-service';
import { createBackgroundJobs } from './background/job-runner';
import { createBackupService } from './backup/backup-service';
import { recordAppliedRestore } from './backup/record-restore';
import { type AppliedRestore, applyPendingRestore } from './backup/restore-request';
import { loadCatalog } from './catalog-loader';
import { createComplaintsArea } from './complaints';
import type { AppConfig } from './config';
import { createCrlCache } from './crl-cache';
import { createDeliveryArea } from './delivery';
import { DeliverySignIns } from './delivery-sign-in';
import { createDesktopService } from './desktop/desktop-service';
import { createDispenseArea } from './dispense';
import { loadLayoutLabels } from './layout-labels';
import type { Logger } from './logger';
import { redactDeliveredBacklogOnce } from './outbox-credentials';
import { deliveredHooks } from './outbox-delivered-hooks';
import { allRefusedHooks, fsiOutboxSender } from './outbox-delivery';
import { createOutboxHastener } from './outbox-hastener';
import { createOutboxQueueService } from './outbox-queue-service';
import { createOutboxWorker } from './outbox-worker';
import { createPaperArea } from './paper';
import { currentPackOf } from './paper/region-pack';
import { hashPassword, verifyPassword } from './password';
import { createPatientService } from './patient-service';
import { loadPolicyPacks } from './policy-loader';
import { createPublicInfoArea } from './public-info';
import { createReconService } from './recon';
import { fsiCenterRecords } from './recon/center-records';
import { createRegionService } from './region-service';
import { createReportsArea } from './reports';
import { createReviewArea } from './review';
import { createRiskArea } from './risk';
import { createRxIntakeService } from './rx-intake-service';
import { createLayoutChecker } from './rx-layout-check';
import { createRxReverifyService } from './rx-reverify/reverify-service';
import { createRxValidityGate } from './rx-validity-gate';
import { createRxVerifier } from './rx-verifier';
import { createSettlementArea } from './settlement';
import { createStaffService } from './staff/staff-service';
import { type PhaseTimer, phaseClock } from './start-phases';
import { createStockArea } from './stock';
import { storeLinkOf } from './store-mode';
import { msgidSpaceAtStart } from './store-msgid-slot';
import { createMsgidSlotLearner } from './store-msgid-slot-learner';
import { createStoreOutbox } from './store-outbox/store-outbox';
import { createStoreQueue } from './store-queue/store-queue';
import { storeLoginThrottle } from './store-staff/store-login-throttle';
import { createStoreStaffSync } from './store-staff/store-staff-sync';
import { createLogExport } from './support/log-export';
import { createRendererErrorLog } from './support/renderer-errors';

/** What entry points need to refuse a second counter on one data folder. */
export { DataDirLockedError, isDataDirLocked } from '../store/data-dir-lock';

/** Composition root: one set of services behind both transports (IPC and HTTP). */
/** The counter's database file in its data folder. */
const COUNTER_DB_FILE = 'counter.db';

export async function createAppServices(
  config: AppConfig,
  log: Logger,
  opts: {
    /** How long each start-up phase took, for the bench. */
    onPhase?: PhaseTimer | undefined;
    /** How this program closes and starts its services again (a staged restore). */
    restart?: (() => void) | undefined;
  } = {},
) {
  const phaseDone = phaseClock(opts.onPhase);
  // First of all: a second process on this folder must not open the database or recover anything.
  const lock = lockDataDir(config.dataDir, config.nativeBinding);
  // A restore staged from the backup panel, before anything opens the database.
  const restored = await restorePendingWhileLocked(config, lock);
  const db = openWhileLocked(config, lock);
  phaseDone('database');
  if (config.sandbox) await seedDemoStaff(db, hashPassword);
  phaseDone('demoStaff');

  // A counter of a store builds msgids only in the slot its store server gave it (D51).
  const linkToStore = storeLinkOf(config);
  const msgidSpace = await msgidSpaceAtStart(config, linkToStore, log);
  const fsi = new FsiClient(config.fsi, { msgidSpace });
  // Without its slot at start (store unreachable), the counter learns it once the store answers.
  const msgidSlot = linkToStore
    ? createMsgidSlotLearner({ config, link: linkToStore, fsi, log })
    : null;
  msgidSlot?.start();
  const staff = new StaffRepository(db);
  const sessions = new SessionRepository(db);
  const outbox = new OutboxRepository(db);
  outbox.recoverInFlight();
  redactDeliveredBacklogOnce(outbox, new SettingsRepository(db));

  const storeThrottle = linkToStore ? storeLoginThrottle(linkToStore, log) : null;
  const auth = createAuthService({ db, staff, sessions, outbox, fsi, log, storeThrottle });
  const catalog = loadCatalog(config.catalogFile);
  const prescriptions = new PrescriptionRepository(db);
  const regions = createRegionService({
    packs: loadPolicyPacks(config.policyDir, { pharmacyAdmdvs: config.pharmacy.admdvs }),
    catalog,
    settings: new SettingsRepository(db),
    defaultRegion: config.defaultRegion,
    pharmacyAdmdvs: config.pharmacy.admdvs,
  });
  const standings = new InsuranceStandingRepository(db);
  const patient = createPatientService({ fsi, auth, poolArea: regions.poolArea, standings });
  const layoutLabels = loadLayoutLabels(config.policyDir);
  const crls = createCrlCache({
    caFiles: config.trust.caFiles,
    crlUrl: config.trust.crlUrl,
    crlDir: config.trust.crlDir,
    log,
  });
  const rx = createRxIntakeService({
    fsi,
    auth,
    repo: prescriptions,
    crls,
    verifier: createRxVerifier(crls.trustStore),
    regions,
    patients: patient,
    standings,
    layout: createLayoutChecker(() => layoutLabels(regions.current().id)),
    log,
  });
  const jobs = createBackgroundJobs(
    {
      dbFile: path.join(config.dataDir, COUNTER_DB_FILE),
      nativeBinding: config.nativeBinding,
      dataDir: config.dataDir,
      catalog,
    },
    log,
  );
  const outboxHastener = createOutboxHastener();
  const rxReverify = createRxReverifyService({
    dbFile: path.join(config.dataDir, COUNTER_DB_FILE),
    nativeBinding: config.nativeBinding,
    repo: prescriptions,
    trustStore: crls.trustStore,
    now: () => new Date(),
    log,
  });
  // A counter of a store hands its center requests over to the store server (D43); the areas'
  // link hands over first before any call that lets another counter act on the same subject.
  const storeOutbox = linkToStore ? createStoreOutbox({ outbox, link: linkToStore }) : null;
  const storeLink = storeOutbox?.link ?? null;
  const storeQueue = storeLink
    ? createStoreQueue({ db, link: storeLink, log, now: () => new Date() })
    : null;
  storeQueue?.start();
  // The pharmacy's staff roster and shifts at the store server (issue 17, D50).
  const storeStaff = storeLink
    ? createStoreStaffSync({ db, link: storeLink, log, now: Date.now })
    : null;
  storeStaff?.start();
  const areaDeps: AreaDeps = {
    config,
    db,
    fsi,
    auth,
    outbox,
    prescriptions,
    rx,
    rxValidity: createRxValidityGate({ regions, catalog, now: () => fsi.centerClock.now() }),
    catalog,
    log,
    now: () => new Date(),
    storeLink,
    storeQueue,
    jobs,
    outboxHastener,
    patients: patient,
  };
  const review = createReviewArea(areaDeps);
  const dispense = createDispenseArea(areaDeps, regions);
  const settlement = createSettlementArea(areaDeps, dispense.paperRules);
  const paper = createPaperArea(areaDeps, regions);
  const stock = createStockArea(areaDeps);
  const audit = createAuditArea(areaDeps);
  audit.recoverInterrupted();
  if (restored) {
    recordAppliedRestore(restored, {
      audit,
      settings: new SettingsRepository(db),
      sessions,
      log,
      now: () => new Date(),
    });
  }
  const risk = createRiskArea(areaDeps, regions);
  const reports = createReportsArea(areaDeps);
  const complaints = createComplaintsArea(areaDeps);
  const delivery = createDeliveryArea(areaDeps);
  const publicInfo = createPublicInfoArea(areaDeps, currentPackOf(config, regions));
  const signIns = new DeliverySignIns(fsi);
  fsi.renewSignInWith(
    signIns.renewer((ended, signNo) => sessions.renewCenterSignIn(ended, signNo)),
  );
  const onRefused = allRefusedHooks(review.onRefused, settlement.onRefused);
  const hooks = deliveredHooks({ review: review.onDelivered, settlement: settlement.onDelivered });
  const worker = storeOutbox
    ? storeOutbox.worker({
        fsi,
        signIns,
        hooks,
        onRefused,
        log,
        mayDeliver: () => fsi.mayBuildMsgids,
      })
    : createOutboxWorker({
        repo: outbox,
        send: fsiOutboxSender(fsi, onRefused, signIns),
        onDelivered: hooks,
      });
  worker.start();
  outboxHastener.bind(() => worker.sendNow());
  settlement.toStore?.start();
  settlement.cashToStore?.start();
  audit.toStore?.start();
  paper.toStore?.start();
  dispense.claims?.startReconciling();
  const outboxQueue = createOutboxQueueService({
    repo: outbox,
    worker,
    store: storeOutbox
      ? { isHanded: storeOutbox.handOver.isHanded, requeue: storeOutbox.requeue }
      : null,
  });
  const backup = createBackupService({
    db,
    dataDir: config.dataDir,
    settings: new SettingsRepository(db),
    institutionCode: config.pharmacy.code,
    appVersion: config.version,
    log,
    now: () => new Date(),
    restart: opts.restart ?? null,
  });
  const stopDailyBackup = backup.startDaily();
  phaseDone('services');

  const info: AppInfo = {
    version: config.version,
    mode: config.mode,
    sandbox: config.sandbox,
    pharmacy: config.pharmacy,
  };

  return {
    info,
    config,
    auth,
    patient,
    rx,
    /** Re-verification of every stored prescription on all cores (issue 20). */
    rxReverify,
    regions,
    review,
    dispense,
    settlement,
    paper,
    stock,
    audit,
    publicInfo,
    delivery,
    risk,
    reports,
    complaints,
    staff: createStaffService({
      db,
      log,
      hash: hashPassword,
      verify: verifyPassword,
      rosterChanged: storeStaff?.markChanged,
    }),
    /** Store mode: the roster and shifts kept in step with the store server (D50). */
    storeStaff,
    outbox,
    outboxQueue,
    backup,
    rendererErrors: createRendererErrorLog({ log, now: () => Date.now() }),
    logExport: createLogExport({ db, dataDir: config.dataDir, info, now: () => new Date() }),
    desktop: createDesktopService({ db, outbox, now: Date.now }),
    recon: createReconService({
      db,
      center: fsiCenterRecords({ fsi, auth, admdvs: config.pharmacy.admdvs }),
      dataDir: config.dataDir,
      now: () => new Date(),
    }),
    worker,
    /** What this counter owes its store server (store mode only, D42). */
    storeQueue,
    /** Store mode: learns the msgid slot a start without the store could not (D51, D57). */
    msgidSlot,
    /** The job thread of heavy read-only work (issue 20). */
    jobs,
    /** Whether the center answers at all (the 医保中心离线 banner, issue 19 item 12). */
    centerReachability: () => fsi.reachability.view(),
    db,
    async close() {
      stopDailyBackup();
      dispense.claims?.stopReconciling();
      msgidSlot?.stop();
      await settlement.toStore?.stop();
      await settlement.cashToStore?.stop();
      await audit.toStore?.stop();
      await paper.toStore?.stop();
      await storeStaff?.stop();
      await storeQueue?.stop();
      await worker.stop();
      await backup.whenIdle();
      await jobs.close();
      await rxReverify.close();
      db.close();
      lock.release();
    },
  };
}

async function restorePendingWhileLocked(
  config: AppConfig,
  lock: DataDirLock,
): Promise<AppliedRestore | null> {
  try {
    return await applyPendingRestore({
      dataDir: config.dataDir,
      institutionCode: config.pharmacy.code,
      now: () => new Date(),
      ...(config.nativeBinding ? { nativeBinding: config.nativeBinding } : {}),
    });
  } catch (err) {
    lock.release();
    throw err;
  }
}

function openWhileLocked(config: AppConfig, lock: DataDirLock) {
  try {
    return openDatabase(path.join(config.dataDir, COUNTER_DB_FILE), config.nativeBinding);
  } catch (err) {
    lock.release();
    throw err;
  }
}

export type AppServices = Awaited<ReturnType<typeof createAppServices>>;
