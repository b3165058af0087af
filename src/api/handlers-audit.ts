import type { auditContract } from '../contract/contract-audit';
import { parseWitness } from '../domain/audit/audit-witness';
import { AppError } from '../domain/errors';
import type { AppServices } from '../services/app-services';
import type { HandlersFor } from './handler-context';

const DAY_MS = 24 * 60 * 60 * 1000;
/** Beijing midnight of a yyyy-MM-dd date, in epoch ms. */
const beijingMidnight = (date: string) => Date.parse(`${date}T00:00:00+08:00`);

export function createAuditHandlers(s: AppServices): HandlersFor<typeof auditContract> {
  return {
    'audit.verify': (i) => {
      if (i.witness === undefined) return s.audit.verifyInBackground();
      const witness = parseWitness(i.witness);
      if (!witness)
        throw new AppError(
          'VALIDATION',
          '凭条格式应为“条号:摘要”，摘要为 64 位十六进制（可含空格），例如 1234:9f86d081…',
        );
      return s.audit.verifyInBackground(witness);
    },
    'audit.list': (i) => {
      const from = beijingMidnight(i.from);
      const to = beijingMidnight(i.to) + DAY_MS;
      if (!(to > from)) throw new AppError('VALIDATION', '结束日期不能早于开始日期');
      return s.audit.list({ from, to, action: i.action, page: i.page, pageSize: i.pageSize });
    },
    'audit.store': (i) => s.audit.storeList(i),
  };
}
