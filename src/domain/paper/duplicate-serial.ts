import { maskName } from '../mask';
import { citation } from '../rules';
import type { PaperFinding } from './paper-types';

/** The earlier archived prescription a repeated serial number points at (R-PAPER-NO). */
export interface EarlierPaper {
  id: number;
  rxDate: string;
  patientName: string;
  capturedAt: string;
}

export function duplicateSerialFinding(
  institutionCode: string,
  serialNo: string,
  earlier: EarlierPaper,
): PaperFinding {
  return {
    ruleId: 'R-PAPER-NO',
    code: 'SERIAL_REPEATED',
    severity: 'block',
    message:
      `机构 ${institutionCode} 的处方编号 ${serialNo} 已于${earlier.capturedAt}登记` +
      `（纸质处方第${earlier.id}号，开具日期${earlier.rxDate}，患者${maskName(earlier.patientName)}），` +
      '重复编号为风险信号，不得再次受理',
    citation: citation('R-PAPER-NO'),
  };
}
