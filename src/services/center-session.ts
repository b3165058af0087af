import os from 'node:os';
import { assertOk, type FsiClient } from '../center/fsi-client';
import type { CenterSignIn } from '../contract/types';
import type { StaffMember } from '../domain/staff';
import { centerFailure } from './center-errors';

interface SignInOutput {
  signinoutb?: { sign_no?: string; sign_time?: string };
}

/** 9001: signs the operator in to the center; the sign_no goes on every later request. */
export function signInToCenter(fsi: FsiClient, staff: StaffMember): Promise<CenterSignIn> {
  return signInAs(fsi, staff.username, staff.displayName);
}

/** 9001 for an operator known by name only (e.g. the one who queued an upload). */
export async function signInAs(
  fsi: FsiClient,
  opter: string,
  opterName: string,
): Promise<CenterSignIn> {
  const { mac, ip } = localAddress();
  try {
    const res = await fsi.call({
      infno: '9001',
      input: { signIn: { opter_no: opter, mac, ip } },
      opter,
      opterName,
    });
    assertOk(res);
    const out = (res.output ?? {}) as SignInOutput;
    const signNo = out.signinoutb?.sign_no;
    if (!signNo) return { signNo: null, signTime: null, error: '医保中心签到应答缺少签到编号' };
    return { signNo, signTime: out.signinoutb?.sign_time ?? null, error: null };
  } catch (err) {
    return { signNo: null, signTime: null, error: centerFailure(err, '医保中心签到').message };
  }
}

function localAddress(): { mac: string; ip: string } {
  for (const list of Object.values(os.networkInterfaces())) {
    for (const nic of list ?? []) {
      if (!nic.internal && nic.family === 'IPv4') return { mac: nic.mac, ip: nic.address };
    }
  }
  return { mac: '00:00:00:00:00:00', ip: '127.0.0.1' };
}
