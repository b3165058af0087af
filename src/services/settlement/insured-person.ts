import type { SettlementPatientView } from '../../contract/types-settlement';
import { AppError } from '../../domain/errors';
import { INSUTYPE_LABELS, labelOf, type MdtrtCertType, sameIdNumber } from '../../domain/insurance';
import { maskIdNumber, maskName } from '../../domain/mask';
import type { InsuredPerson } from '../../domain/settlement/fee-lines';
import { SETTLE_CODES } from '../../domain/settlement/settle-codes';
import type { AuthenticatedSession } from '../auth-service';
import type { SettlementContext } from './context';

export interface PatientCert {
  certType: MdtrtCertType;
  certNo: string;
  cardSn?: string | undefined;
}

/**
 * 1101 for the patient's authorisation (R-AUTH): the card or voucher shown at the counter, by
 * default the ID number on the prescription. A settlement is only ever for the prescription's
 * own patient (R-SETTLE): a credential that resolves to anyone else is refused before any
 * settlement call. The insutype is the first pooling one in force.
 */
export async function resolveInsured(
  ctx: SettlementContext,
  session: AuthenticatedSession,
  rxCertno: string,
  cert: PatientCert | undefined,
  useAccount: boolean,
): Promise<InsuredPerson> {
  const c: PatientCert = cert ?? { certType: '02', certNo: rxCertno };
  const { person, certno } = await ctx.patients.identify(session, c);
  if (!sameIdNumber(certno, rxCertno)) {
    throw new AppError(
      'POLICY',
      `出示的医保凭证/证件属于另一位参保人，不是本处方的患者（${maskIdNumber(rxCertno)}）：医保结算只能记入处方患者本人名下，请患者本人出示其医保电子凭证或证件`,
      { ruleId: 'R-SETTLE' },
    );
  }
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
