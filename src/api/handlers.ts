import type { z } from 'zod';
import type { ApiContract, ApiMethod, ApiOutput } from '../contract/contract';
import { plainCenterError } from '../domain/center/plain-center-error';
import type { AppServices } from '../services/app-services';
import { type HandlerContext, must } from './handler-context';
import { createAuditHandlers } from './handlers-audit';
import { createBackupHandlers } from './handlers-backup';
import { createComplaintsHandlers } from './handlers-complaints';
import { createDeliveryHandlers } from './handlers-delivery';
import { createDesktopHandlers } from './handlers-desktop';
import { createDispenseHandlers } from './handlers-dispense';
import { createEinvoiceHandlers } from './handlers-einvoice';
import { createOutboxHandlers } from './handlers-outbox';
import { createPaperHandlers } from './handlers-paper';
import { createPublicHandlers } from './handlers-public';
import { createReconHandlers } from './handlers-recon';
import { createReportsHandlers } from './handlers-reports';
import { createReviewHandlers } from './handlers-review';
import { createRiskHandlers } from './handlers-risk';
import { createSettlementHandlers } from './handlers-settlement';
import { createClosedSetupHandlers } from './handlers-setup';
import { createStaffHandlers } from './handlers-staff';
import { createStockHandlers } from './handlers-stock';
import { createSupervisionHandlers } from './handlers-supervision';

export type { HandlerContext } from './handler-context';

type Input<M extends ApiMethod> = z.output<ApiContract[M]['input']>;

type Handlers = {
  [M in ApiMethod]: (input: Input<M>, ctx: HandlerContext) => Promise<ApiOutput<M>> | ApiOutput<M>;
};

export function createHandlers(s: AppServices): Handlers {
  return {
    ...createOutboxHandlers(s),
    ...createReviewHandlers(s),
    ...createDispenseHandlers(s),
    ...createSettlementHandlers(s),
    ...createSupervisionHandlers(s),
    ...createPaperHandlers(s),
    ...createReconHandlers(s),
    ...createStockHandlers(s),
    ...createAuditHandlers(s),
    ...createBackupHandlers(s),
    ...createRiskHandlers(s),
    ...createReportsHandlers(s),
    ...createComplaintsHandlers(s),
    ...createPublicHandlers(s),
    ...createEinvoiceHandlers(s),
    ...createDeliveryHandlers(s),
    ...createStaffHandlers(s),
    ...createClosedSetupHandlers(),
    ...createDesktopHandlers(s),
    'app.info': () => s.info,
    'auth.login': (i) => s.auth.login(i.username, i.password),
    'auth.logout': (_i, ctx) => {
      s.auth.logout(must(ctx));
      return { ok: true as const };
    },
    'auth.session': (_i, ctx) => s.auth.session(ctx.token ?? '', must(ctx)),
    'patient.lookup': (i, ctx) => s.patient.lookup(must(ctx), i),
    'outbox.status': () => {
      const now = Date.now();
      const c = s.worker.circuit();
      const center = s.centerReachability();
      const counts = s.outbox.status(now);
      return {
        ...counts,
        lastError: counts.lastError === null ? null : plainCenterError(counts.lastError).message,
        circuit: { state: c.state, retryInMs: c.retryAt === null ? null : c.retryAt - now },
        center: {
          offline: center.offline,
          failingForMs: center.failingSince === null ? null : now - center.failingSince,
          lastFailure: center.lastFailure,
        },
      };
    },
    'rx.find': (i, ctx) => s.rx.find(must(ctx), i),
    'rx.download': (i, ctx) => s.rx.download(must(ctx), i),
    'rx.get': (i) => s.rx.get(i.hiRxno),
    'rx.list': () => s.rx.list(),
    'rx.layoutFile': (i) => s.rx.layoutFile(i.hiRxno),
    'rx.reverifyAll': () => s.rxReverify.reverifyAll(),
    'settings.region': () => s.regions.settings(),
    'settings.setRegion': (i) => s.regions.set(i.regionId),
  };
}
