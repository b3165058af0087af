import type { SignedField } from './rx-file';

/** Chinese names of the signed fields, for messages that say which one was altered. */
export const SIGNED_FIELD_LABELS: Readonly<Record<SignedField, string>> = {
  rxTraceCode: '处方追溯码',
  hiRxno: '医保处方编号',
  mdtrtId: '就诊 ID',
  patnName: '患者姓名',
  psnCertType: '患者证件类型',
  certno: '患者证件号码',
  fixmedinsName: '开方机构名称',
  fixmedinsCode: '开方机构编码',
  drCode: '开方医师代码',
  prscDrName: '开方医师姓名',
  pharDeptName: '审核药师科室',
  pharDeptCode: '审核药师科室编码',
  pharProfttlCodg: '审核药师职称编码',
  pharProfttlName: '审核药师职称',
  pharCode: '审核药师代码',
  pharCertType: '审核药师证件类型',
  pharCertno: '审核药师证件号码',
  pharName: '审核药师姓名',
  pharPracCertNo: '审核药师执业证书编号',
  pharChkTime: '审核时间',
};
