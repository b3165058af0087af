import type { Out7203 } from '../../../src/center/rx/fsi-72xx';
import { pickSignedFields } from '../../../src/center/rx/rx-file';
import { buildRxView, type RxView } from '../../../src/sandbox/rx/rx-view';

/** One prescription with two drug lines, as the sandbox hospital builds it (the layout's source). */
const upload = {
  prscTime: '2025-06-01 09:30:00',
  valiDays: 3,
  rxTypeCode: '1',
  rxdrugdetail: [
    {
      medListCodg: 'XA10BAA115A001010104107',
      drugGenname: '盐酸二甲双胍片',
      drugSpec: '0.5g*20片',
      drugCnt: 2,
      drugDosunt: '盒',
      sinDoscnt: 1,
      sinDosunt: '片',
      usedFrquName: '每日一次',
      medcWayDscr: '口服',
      medcDays: 14,
    },
    {
      medListCodg: 'XA10ABD050B002010184032',
      drugGenname: '门冬胰岛素注射液',
      drugSpec: '3ml:300单位',
      drugCnt: 1,
      drugDosunt: '支',
    },
  ],
  mdtrtinfo: { prscDrName: '周明远', maindiagName: '2型糖尿病（伴并发症）' },
  diseinfo: [{ diagCode: 'E11.900', diagName: '2型糖尿病', maindiagFlag: '1' }],
};
const signed = pickSignedFields({
  hiRxno: 'H2026000123',
  rxTraceCode: 'ABCDEFGHJK0123456789',
  fixmedinsCode: 'H50010300001',
  fixmedinsName: '沙箱示范医院（渝中）',
  patnName: '张伟',
  certno: '500103197803151238',
  pharName: '刘佳琪',
});

export const fixtureView: RxView = buildRxView(upload, signed);
export const fixtureRx = fixtureView as unknown as Pick<
  Out7203,
  'data' | 'mdtrtinfo' | 'rxdrugdetail'
>;
