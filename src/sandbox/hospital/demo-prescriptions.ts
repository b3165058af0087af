import type { PrescriptionOrder } from './create-prescription';

const DAY_MS = 86_400_000;

/**
 * The demo prescriptions a fresh sandbox creates through the real path, in this order (the
 * order fixes their trace codes: docs/sandbox.md lists the QR strings). `case` says what each
 * one demonstrates at the counter.
 */
export interface DemoPrescription {
  case: string;
  order: PrescriptionOrder;
  /** Revoke it with rxUndo after upload. */
  revoke?: boolean;
}

export const DEMO_PRESCRIPTIONS: readonly DemoPrescription[] = [
  {
    case: '普通处方（二甲双胍 + 阿托伐他汀），重庆渝中',
    order: {
      patient: '张伟',
      drugs: [
        { medListCodg: 'XA10BAA115A001010104107', packs: 2, days: 14 },
        'XC10AAA050A001010103356',
      ],
    },
  },
  {
    case: '双通道药品（甲磺酸奥希替尼片）[R-HISTORY]',
    order: {
      patient: '张伟',
      drugs: [{ medListCodg: 'XL01EBA110A001010101911', days: 30 }],
      diagnosis: { code: 'C34.900', name: '肺恶性肿瘤' },
    },
  },
  {
    case: '含除外药品（地西泮片，第二类精神药品）[R-EXCLUDED]',
    order: { patient: '张伟', drugs: ['XC08CAA010A001010201587', 'XN05BAD010A001010101086'] },
  },
  {
    case: '外地机构（东莞）开具 [R-REGION]',
    order: { patient: '张伟', drugs: ['XJ01CAA040A001010100435'], hospital: 'H44190000003' },
  },
  {
    case: '长期处方超过 12 周（90 天）[R-LONGRX]',
    order: {
      patient: '张伟',
      drugs: [{ medListCodg: 'XC08CAA010A001010201587', packs: 4, days: 90 }],
      longRx: true,
      valiDays: 30,
    },
  },
  {
    case: '10 天前上传（中心仍为有效，重庆“上传后 7 天”规则下已过期）[R-VALID]',
    order: {
      patient: '张伟',
      drugs: ['XC09CAL010A001010203021'],
      valiDays: 15,
      clockOffsetMs: -10 * DAY_MS,
    },
  },
  {
    case: '已被医院撤销 [R-STATUS]',
    order: { patient: '张伟', drugs: ['XM01AEB010E001020104466'] },
    revoke: true,
  },
  {
    case: '胰岛素（肽类激素的例外，可流转）+ 二甲双胍，重庆江北',
    order: {
      patient: '李秀英',
      drugs: ['XA10ABD050B002010184032', 'XA10BAA115A001010104107'],
      hospital: 'H50010500002',
    },
  },
  {
    case: '普通处方，医院以社保卡识别患者',
    order: { patient: '王芳', drugs: ['XR06AXL020A001010101672'], certType: '03' },
  },
  {
    case: '5 天前开具、有效期 3 天：中心答复已失效 [R-VALID][R-STATUS]',
    order: {
      patient: '王芳',
      drugs: ['XA02BCA010E001020100889'],
      valiDays: 3,
      clockOffsetMs: -5 * DAY_MS,
    },
  },
  {
    case: '儿童普通处方',
    order: { patient: '刘洋', drugs: [{ medListCodg: 'XJ01CAA040A001010100435', days: 5 }] },
  },
  {
    case: '异地参保（成都）患者在重庆就诊',
    order: { patient: '陈静', drugs: ['XC09CAL010A001010203021'] },
  },
  {
    case: '暂停参保患者',
    order: { patient: '赵磊', drugs: ['XA02BCA010E001020100889'] },
  },
];
