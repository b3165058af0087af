import type { SettlementPatientView } from '../../api/types-settlement';
import { AppError } from '../../domain/errors';
import { INSUTYPE_LABELS, labelOf, type MdtrtCertType } from '../../domain/insurance';
import { maskIdNumber, maskName } from '../../domain/mask';
import type { AuthenticatedSession } from '../auth-service';
import { SETTLE_CODES } from './codes';
import type { SettlementContext } from './context';
import type { InsuredPerson } from './fee-lines';

export interface PatientCert {
  certType: MdtrtCertType;
  certNo: string;
  cardSn?: string | undefined;
}

/**
 * 1101 for the patient's authorisation (R-AUTH): the card or voucher shown at the counter, by
 * default the ID number on the prescription. The insutype is the first pooling one in force.
 */
export async function resolveInsured(
  ctx: SettlementContext,
  session: AuthenticatedSession,
  rxCertno: string,
  cert: PatientCert | undefined,
  useAccount: boolean,
): Promise<InsuredPerson> {
  const c: PatientCert = cert ?? { certType: '02', certNo: rxCertno };
  const person = await ctx.patients.lookup(session, c);
  const insurance = SETTLE_CODES.insutypes
    .map((t) => person.insutypes.find((i) => i.insutype === t && i.status === '正常参保'))
    .find((i) => i !== undefined);
  if (!insurance) {
    throw new AppError('POLICY', '参保人没有正常参保的职工或居民基本医疗保险，不能医保结算', {
      ruleId: 'R-SETTLE',
    });
  }
  return {
    psnNo: person.psnNo,
    insutype: insurance.insutype,
    insuplcAdmdvs: insurance.insuplcAdmdvs,
    certType: c.certType,
    certNo: c.certNo,
    cardSn: c.cardSn ?? '',
    useAccount,
  };
}

export const patientView = (
  name: string,
  certno: string,
  insutype: string,
): SettlementPatientView => ({
  nameMasked: maskName(name),
  certnoMasked: maskIdNumber(certno),
  insutype,
  insutypeLabel: labelOf(INSUTYPE_LABELS, insutype),
});
