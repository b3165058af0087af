import type { FsiClient } from '../center/fsi-client';
import type { CatalogDrug } from '../domain/catalog/catalog-drug';
import type { Db } from '../store/database';
import type { OutboxRepository } from '../store/outbox-repository';
import type { PrescriptionRepository } from '../store/prescription-repository';
import type { StoreClient } from '../store-link/store-client';
import type { AuthService } from './auth-service';
import type { BackgroundJobs } from './background/job-runner';
import type { AppConfig } from './config';
import type { Logger } from './logger';
import type { OutboxHastener } from './outbox-hastener';
import type { PatientService } from './patient-service';
import type { RxIntakeService } from './rx-intake-service';
import type { RxValidityGate } from './rx-validity-gate';
import type { StoreQueue } from './store-queue/store-queue';

/** What every business area of the counter is built from (see app-services.ts). */
export interface AreaDeps {
  config: AppConfig;
  db: Db;
  fsi: FsiClient;
  auth: AuthService;
  outbox: OutboxRepository;
  prescriptions: PrescriptionRepository;
  rx: RxIntakeService;
  /** 1101, recording each person's insurance standing (one instance for the whole counter). */
  patients: PatientService;
  /** R-VALID again at dispensing and settlement. */
  rxValidity: RxValidityGate;
  catalog: ReadonlyMap<string, CatalogDrug>;
  log: Logger;
  now: () => Date;
  /** A counter of a store: its store server's client (issue 17); null for a single counter. */
  storeLink: StoreClient | null;
  /** What a counter of a store owes its store server (returns, offline sales; D42); null otherwise. */
  storeQueue: StoreQueue | null;
  /**
   * Where heavy read-only work runs (issue 20): the job thread in the app; absent, in place on
   * the caller's thread (background/jobs-of.ts).
   */
  jobs?: BackgroundJobs;
  /** Asks the outbox to send now (e.g. settlement waiting for a review's 7206). */
  outboxHastener?: OutboxHastener;
}
