import { yuanText } from '../money';

export type CashTender =
  | { ok: true; tenderedFen: number; changeFen: number }
  | { ok: false; reason: string };

const YUAN = /^\d{1,7}(?:\.\d{1,2})?$/;

/**
 * 实收/找零 for the cash part of a sale: what the cashier typed (yuan, at most two decimals)
 * against what is due. Nothing is guessed: text that is not an amount, or less than the amount
 * due, is refused with the reason.
 */
export function cashTender(dueFen: number, typed: string): CashTender {
  const text = typed.trim();
  if (text === '') return { ok: false, reason: '请输入实收金额' };
  if (!YUAN.test(text))
    return { ok: false, reason: '实收金额应为元，最多两位小数，如 100 或 52.50' };
  const [whole = '0', part = ''] = text.split('.');
  const tenderedFen = Number(whole) * 100 + Number(part.padEnd(2, '0'));
  if (tenderedFen < dueFen) {
    return {
      ok: false,
      reason: `实收不足：应收 ${yuanText(dueFen)} 元，还差 ${yuanText(dueFen - tenderedFen)} 元`,
    };
  }
  return { ok: true, tenderedFen, changeFen: tenderedFen - dueFen };
}
