import path from 'node:path';
import type { AppInfo } from '../api/types';
import { FsiClient } from '../center/fsi-client';
import { openDatabase } from '../store/database';
import { seedDemoStaff } from '../store/demo-staff';
import { OutboxRepository } from '../store/outbox-repository';
import { SessionRepository } from '../store/session-repository';
import { StaffRepository } from '../store/staff-repository';
import { createAuthService } from './auth-service';
import type { AppConfig } from './config';
import type { Logger } from './logger';
import { fsiOutboxSender } from './outbox-delivery';
import { createOutboxWorker } from './outbox-worker';
import { hashPassword } from './password';
import { createPatientService } from './patient-service';

/** Composition root: one set of services behind both transports (IPC and HTTP). */
export async function createAppServices(config: AppConfig, log: Logger) {
  const db = openDatabase(path.join(config.dataDir, 'counter.db'), config.nativeBinding);
  if (config.sandbox) await seedDemoStaff(db, hashPassword);

  const fsi = new FsiClient(config.fsi);
  const staff = new StaffRepository(db);
  const sessions = new SessionRepository(db);
  const outbox = new OutboxRepository(db);
  outbox.recoverInFlight();

  const auth = createAuthService({ db, staff, sessions, outbox, fsi, log });
  const patient = createPatientService({ fsi, auth });
  const worker = createOutboxWorker({ repo: outbox, send: fsiOutboxSender(fsi) });
  worker.start();

  const info: AppInfo = {
    version: config.version,
    mode: config.mode,
    sandbox: config.sandbox,
    pharmacy: config.pharmacy,
  };

  return {
    info,
    auth,
    patient,
    outbox,
    worker,
    db,
    async close() {
      await worker.stop();
      db.close();
    },
  };
}

export type AppServices = Awaited<ReturnType<typeof createAppServices>>;
