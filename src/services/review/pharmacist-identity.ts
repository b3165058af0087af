import { assertOk, CenterError, type FsiClient } from '../../center/fsi-client';
import { AppError } from '../../domain/errors';
import type { IdentityCheck } from '../../store/review-repository';
import type { AuthenticatedSession } from '../auth-service';
import { centerFailure } from '../center-errors';

/**
 * R-PHARMACIST: the reviewer scans their OWN e-voucher; 1101 names its owner, who must be the
 * ID number registered for this staff member. When the center cannot be reached the check is
 * left to the center's 7206, which matches `ec_token` against the pharmacist registry: the
 * review is kept and queued, and a mismatch there parks its upload.
 */
export async function checkOwnVoucher(
  fsi: FsiClient,
  session: AuthenticatedSession,
  signNo: string,
  ecToken: string,
  registeredCertno: string,
): Promise<IdentityCheck> {
  let certno: unknown;
  try {
    const res = await fsi.call({
      infno: '1101',
      input: {
        data: {
          mdtrt_cert_type: '01',
          mdtrt_cert_no: ecToken,
          card_sn: '',
          begntime: '',
          psn_cert_type: '',
          certno: '',
          psn_name: '',
        },
      },
      opter: session.staff.username,
      opterName: session.staff.displayName,
      signNo,
    });
    assertOk(res);
    certno = (res.output as { baseinfo?: { certno?: unknown } } | undefined)?.baseinfo?.certno;
  } catch (err) {
    if (err instanceof CenterError && err.kind !== 'business' && err.kind !== 'malformed') {
      return 'deferred_7206';
    }
    const failure = centerFailure(err, '核验药师本人医保电子凭证');
    throw new AppError('FORBIDDEN', `${failure.message}；请药师刷新本人电子凭证后重新扫码`, {
      ruleId: 'R-PHARMACIST',
    });
  }
  if (typeof certno !== 'string' || certno !== registeredCertno) {
    throw new AppError(
      'FORBIDDEN',
      '扫描的医保电子凭证不是当前药师本人的：审方须以药师本人电子凭证核验身份',
      { ruleId: 'R-PHARMACIST' },
    );
  }
  return 'center_1101';
}
