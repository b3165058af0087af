import { sm3Hex } from '../crypto';

/** Our 7202 extension field: the e-voucher password as its SM3, never the digits themselves. */
export const EC_PASSWORD_FIELD = 'x_ec_pwd_sm3';

export function ecPasswordDigest(password: string): string {
  return sm3Hex(`EC-PWD:${password}`);
}
