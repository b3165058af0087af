import type { AppServices } from '../services/app-services';
import type { auditContract } from './contract-audit';
import type { HandlersFor } from './handler-context';

export function createAuditHandlers(_s: AppServices): HandlersFor<typeof auditContract> {
  return {};
}
