import type { SandboxDb } from './db';
import { isValidIdNumber } from './id-number';
import { Refusal } from './refusal';

export interface PatientRow {
  psn_no: string;
  psn_name: string;
  psn_cert_type: string;
  certno: string;
  gend: string;
  naty: string;
  brdy: string;
  card_sn: string | null;
  insuplc_admdvs: string;
}

const NOT_FOUND = '未查询到参保人信息';

/**
 * Finds the insured person behind a 就诊凭证 (mdtrt_cert_type 01 e-voucher token, 02 ID number,
 * 03 social-security card number + card_sn). Shared by 1101 and the EPC side.
 */
export function findPatientByCert(
  db: SandboxDb,
  certType: string,
  certNo: string,
  cardSn: string,
): PatientRow {
  const byColumn = (column: 'ec_token' | 'certno' | 'card_no') =>
    db.prepare(`SELECT * FROM patients WHERE ${column} = ?`).get(certNo) as PatientRow | undefined;
  switch (certType) {
    case '01': {
      if (certNo === '') throw new Refusal('医保电子凭证令牌（mdtrt_cert_no）不能为空');
      const p = byColumn('ec_token');
      if (!p)
        throw new Refusal(
          `${NOT_FOUND}：医保电子凭证令牌无效或已过期，请患者刷新电子凭证后重新扫码`,
        );
      return p;
    }
    case '02': {
      if (!isValidIdNumber(certNo)) throw new Refusal('居民身份证号码格式不正确或校验位错误');
      const p = byColumn('certno');
      if (!p) throw new Refusal(`${NOT_FOUND}：该身份证号码无参保记录`);
      return p;
    }
    case '03': {
      if (certNo === '') throw new Refusal('社会保障卡号（mdtrt_cert_no）不能为空');
      if (cardSn === '') throw new Refusal('使用社会保障卡就诊须提供卡识别码（card_sn）');
      const p = byColumn('card_no');
      if (!p) throw new Refusal(`${NOT_FOUND}：该社会保障卡号无参保记录`);
      if (p.card_sn !== cardSn)
        throw new Refusal('社会保障卡识别码（card_sn）与卡号不符，请重新读卡');
      return p;
    }
    default:
      throw new Refusal(
        `就诊凭证类型（mdtrt_cert_type）无效：${certType || '空'}，应为 01、02 或 03`,
      );
  }
}
