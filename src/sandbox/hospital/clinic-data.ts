/**
 * Fictitious clinical staff and diagnoses the sandbox hospitals put on their prescriptions.
 * Code values are illustrative (ICD-10 shaped), not an official table.
 */
export interface Staff {
  drCode: string;
  prscDrName: string;
  prscDeptCode: string;
  prscDeptName: string;
  pharDeptName: string;
  pharDeptCode: string;
  pharProfttlCodg: string;
  pharProfttlName: string;
  pharCode: string;
  pharCertType: string;
  pharCertno: string;
  pharName: string;
  pharPracCertNo: string;
}

const DOCTORS = ['周明远', '陈晓岚', '黄海生'];
const PHARMACISTS = ['刘佳琪', '吴思远', '郑雨桐'];

export function staffOf(admdvs: string, index: number): Staff {
  const i = index % DOCTORS.length;
  return {
    drCode: `D${admdvs}${String(i + 1).padStart(6, '0')}`,
    prscDrName: DOCTORS[i] ?? '沙箱医师',
    prscDeptCode: 'A03',
    prscDeptName: '内科',
    pharDeptName: '药剂科',
    pharDeptCode: 'A17',
    pharProfttlCodg: '243',
    pharProfttlName: '主管药师',
    pharCode: `Y${admdvs}${String(i + 1).padStart(6, '0')}`,
    pharCertType: '01',
    pharCertno: `${admdvs}19860412${String(1000 + i * 7).slice(-4)}`,
    pharName: PHARMACISTS[i] ?? '沙箱药师',
    pharPracCertNo: `2022${admdvs}${String(i + 1).padStart(4, '0')}`,
  };
}

/** The diagnosis a prescription gets when the caller names none, by the drug's ATC-like code. */
const DIAGNOSES: ReadonlyArray<readonly [string, string, string]> = [
  ['XA10', 'E11.900', '2型糖尿病'],
  ['XC08', 'I10.x00', '原发性高血压'],
  ['XC09', 'I10.x00', '原发性高血压'],
  ['XC10', 'E78.500', '高脂血症'],
  ['XJ01', 'J06.900', '急性上呼吸道感染'],
  ['XM01', 'M54.500', '腰痛'],
  ['XR06', 'J30.400', '过敏性鼻炎'],
  ['XA02', 'K21.900', '胃食管反流病'],
  ['XL01', 'C34.900', '肺恶性肿瘤'],
  ['XL04', 'C90.000', '多发性骨髓瘤'],
  ['XN02', 'R52.100', '慢性顽固性疼痛'],
  ['XN05', 'F41.900', '焦虑状态'],
  ['XR05', 'R05.x00', '咳嗽'],
  ['ZZ', 'R05.x00', '咳嗽'],
  ['XG03', 'Z30.000', '计划生育咨询'],
  ['XH03', 'E03.900', '甲状腺功能减退症'],
];

export function diagnosisFor(medListCodg: string): { code: string; name: string } {
  const hit = DIAGNOSES.find(([prefix]) => medListCodg.startsWith(prefix));
  return hit ? { code: hit[1], name: hit[2] } : { code: 'Z00.000', name: '一般医学检查' };
}
