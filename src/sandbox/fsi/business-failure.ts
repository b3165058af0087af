/**
 * The 'bizfail' fault: the center answers infcode 0 but its business result says failure, in
 * the field each transaction family reports it in (center-protocol §1; research §2.2, §3.3).
 * The transaction is not carried out and the answer is not stored, so the same msgid can be
 * sent again once the fault is cleared.
 */
export const BUSINESS_FAILURE_WORDS = '沙箱故障注入：业务处理未成功（infcode 0，业务结果失败）';

export function failedBusinessOutput(infno: string | null): Record<string, unknown> | null {
  if (infno !== null && /^350[1-7]$/.test(infno))
    return { retRslt: '0', msgRslt: BUSINESS_FAILURE_WORDS };
  if (infno === '7206' || infno === '7207' || infno === '7208')
    return { data: { msg_code: '1', flag: 'False', msg: BUSINESS_FAILURE_WORDS } };
  // No documented result flag (9001, 1101, 2101–2103, 2601, 7201–7205): an infcode 0 whose
  // output lacks everything the transaction must answer, the center's words in err_msg.
  return null;
}
