import { compactTime, dateTime } from '../../../center/clock';
import { nextCounter } from '../../db';
import { Refusal } from '../../refusal';
import { type FsiTransaction, field, requireField } from '../context';
import { findLiveSignIn } from '../sign-ins';

function node(input: Record<string, unknown>, name: string): Record<string, unknown> {
  const n = input[name];
  if (typeof n !== 'object' || n === null || Array.isArray(n))
    throw new Refusal(`输入参数缺少 ${name} 节点`);
  return n as Record<string, unknown>;
}

/** 9001 签到: input.signIn {opter_no, mac, ip} → output.signinoutb {sign_time, sign_no}. */
export const signIn9001: FsiTransaction = {
  name: '签到',
  requiresSignIn: false,
  run(ctx) {
    const signIn = node(ctx.request.input, 'signIn');
    const opterNo = requireField(signIn, 'opter_no', '操作员编号');
    const signTime = dateTime(ctx.now);
    const serial = String(nextCounter(ctx.db, 'sign_no')).padStart(6, '0');
    const signNo = `${ctx.config.fsi.centerAdmdvs}${compactTime(ctx.now)}${serial}`;
    ctx.db
      .prepare(
        `INSERT INTO sign_ins (sign_no, fixmedins_code, opter_no, mac, ip, sign_time, signed_in_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        signNo,
        ctx.request.fixmedins_code,
        opterNo,
        field(signIn, 'mac'),
        field(signIn, 'ip'),
        signTime,
        ctx.now.getTime(),
      );
    return { output: { signinoutb: { sign_time: signTime, sign_no: signNo } } };
  },
};

/** 9002 签退: input.signOut {sign_no, opter_no} → output.signoutoutb {sign_time}. */
export const signOut9002: FsiTransaction = {
  name: '签退',
  requiresSignIn: true,
  run(ctx) {
    const signOut = node(ctx.request.input, 'signOut');
    const signNo = requireField(signOut, 'sign_no', '签到编号');
    requireField(signOut, 'opter_no', '操作员编号');
    const live = findLiveSignIn(
      ctx.db,
      ctx.config,
      ctx.request.fixmedins_code,
      signNo,
      ctx.now.getTime(),
    );
    if (!live) throw new Refusal('签退失败：签到编号不存在或已签退');
    ctx.db
      .prepare('UPDATE sign_ins SET signed_out = 1, signed_out_at = ? WHERE sign_no = ?')
      .run(ctx.now.getTime(), signNo);
    return { output: { signoutoutb: { sign_time: dateTime(ctx.now), sign_no: signNo } } };
  },
};
