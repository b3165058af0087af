/**
 * Demo insured persons of the sandbox center. Fictitious people; the numbers have the real
 * shapes (18-digit ID numbers with valid check digits, 38-character e-voucher tokens,
 * 9-character social-security card numbers with a 32-character card_sn) so that clients
 * exercise their real validation. Balances are in fen; the center sends them in yuan.
 *
 * Code values used here (psn_type, psn_idet_type) are the sandbox's own choice where the
 * public record is silent; see docs/sandbox.md.
 */
export interface DemoInsurance {
  insutype: '310' | '320' | '330' | '390';
  psnType: string;
  /** psn_insu_stas: 1 正常参保, 2 暂停参保, 4 终止参保. */
  status: '1' | '2' | '4';
  insuDate: string;
  pausDate?: string;
  balanceFen: number;
  cvlservFlag: '0' | '1';
  empName: string;
}

export interface DemoIdentity {
  psnIdetType: string;
  psnTypeLv: string;
  memo: string;
  begntime: string;
  endtime: string;
}

export interface DemoPatient {
  psnNo: string;
  name: string;
  /** 18-digit 居民身份证号 (psn_cert_type 01). */
  certno: string;
  /** gend: 1 男, 2 女. */
  gender: '1' | '2';
  birthday: string;
  naty: string;
  /** 医保电子凭证令牌 (mdtrt_cert_type 01). */
  ecToken: string;
  /** 社会保障卡号 (mdtrt_cert_type 03). */
  cardNo: string;
  /** 社会保障卡识别码, required with the card number. */
  cardSn: string;
  /** 医保电子凭证密码 confirming a card or ID-number authorisation; null = voucher not activated. */
  ecPassword: string | null;
  /** 参保地 division. */
  insuplcAdmdvs: string;
  insurances: DemoInsurance[];
  identities: DemoIdentity[];
  /** What the person is for in demos and tests. */
  note: string;
}

export const DEMO_PATIENTS: readonly DemoPatient[] = [
  {
    psnNo: '50000000000000000001',
    name: '张伟',
    certno: '500103197803151238',
    gender: '1',
    birthday: '1978-03-15',
    naty: '01',
    ecToken: '500000ecxxkncfa2f8udkelatt5liiofycm3a3',
    cardNo: 'A50000001',
    cardSn: '500103D156000005033119069C384BB2',
    ecPassword: '123456',
    insuplcAdmdvs: '500103',
    insurances: [
      {
        insutype: '310',
        psnType: '1101',
        status: '1',
        insuDate: '2001-07-01',
        balanceFen: 126_850,
        cvlservFlag: '0',
        empName: '重庆沙箱机械有限公司',
      },
    ],
    identities: [],
    note: '本地职工医保，在职，个人账户有余额',
  },
  {
    psnNo: '50000000000000000002',
    name: '李秀英',
    certno: '50010319521102202X',
    gender: '2',
    birthday: '1952-11-02',
    naty: '01',
    ecToken: '500000ecw0b2pfi2w6mkyogo4ap321wu3wloev',
    cardNo: 'A50000002',
    cardSn: '500103D1560000054221CBF329BC531C',
    ecPassword: '123456',
    insuplcAdmdvs: '500103',
    insurances: [
      {
        insutype: '310',
        psnType: '1201',
        status: '1',
        insuDate: '1995-01-01',
        balanceFen: 356_000,
        cvlservFlag: '0',
        empName: '重庆沙箱纺织厂',
      },
      {
        insutype: '330',
        psnType: '1201',
        status: '1',
        insuDate: '2003-01-01',
        balanceFen: 0,
        cvlservFlag: '0',
        empName: '重庆沙箱纺织厂',
      },
    ],
    identities: [],
    note: '本地职工医保退休人员，另参加大额医疗费用补助；身份证号末位为 X',
  },
  {
    psnNo: '50000000000000000003',
    name: '王芳',
    certno: '500104199007213042',
    gender: '2',
    birthday: '1990-07-21',
    naty: '01',
    ecToken: '500000ecp0jn5mx0wifxjts5topj2o9d7eht5h',
    cardNo: 'A50000003',
    cardSn: '500000D156000005545961B677B317A3',
    ecPassword: '123456',
    insuplcAdmdvs: '500000',
    insurances: [
      {
        insutype: '390',
        psnType: '1501',
        status: '1',
        insuDate: '2016-01-01',
        balanceFen: 0,
        cvlservFlag: '0',
        empName: '',
      },
    ],
    identities: [
      {
        psnIdetType: '2201',
        psnTypeLv: '1',
        memo: '城乡低保对象',
        begntime: '2022-01-01',
        endtime: '2099-12-31',
      },
    ],
    note: '城乡居民医保（无个人账户），有低保身份',
  },
  {
    psnNo: '50000000000000000004',
    name: '刘洋',
    certno: '500103201505091053',
    gender: '1',
    birthday: '2015-05-09',
    naty: '01',
    ecToken: '500000ecfzlpu8afx063d2v7ceblpwdh9f7d3b',
    cardNo: 'A50000004',
    cardSn: '500000D1560000050B5C072106A049F8',
    ecPassword: null,
    insuplcAdmdvs: '500000',
    insurances: [
      {
        insutype: '390',
        psnType: '1401',
        status: '1',
        insuDate: '2015-09-01',
        balanceFen: 0,
        cvlservFlag: '0',
        empName: '',
      },
    ],
    identities: [],
    note: '城乡居民医保少年儿童；医保电子凭证未激活（演示激活引导）',
  },
  {
    psnNo: '51000000000000000005',
    name: '陈静',
    certno: '510104198501302064',
    gender: '2',
    birthday: '1985-01-30',
    naty: '01',
    ecToken: '510000ecdo209r5vss549kcqldk2o8aptd0zff',
    cardNo: 'B51000005',
    cardSn: '510100D156000005243896583DE43682',
    ecPassword: '123456',
    insuplcAdmdvs: '510100',
    insurances: [
      {
        insutype: '310',
        psnType: '1101',
        status: '1',
        insuDate: '2008-03-01',
        balanceFen: 82_075,
        cvlservFlag: '0',
        empName: '成都沙箱软件有限公司',
      },
    ],
    identities: [],
    note: '异地参保（四川成都 510100），在重庆药店就医',
  },
  {
    psnNo: '50000000000000000006',
    name: '赵磊',
    certno: '500103197009094010',
    gender: '1',
    birthday: '1970-09-09',
    naty: '01',
    ecToken: '500000ecz8jzrwd5vi04d2tyufnozqs4f7amt8',
    cardNo: 'A50000006',
    cardSn: '500103D156000005D13D00A7E91B991C',
    ecPassword: '123456',
    insuplcAdmdvs: '500103',
    insurances: [
      {
        insutype: '310',
        psnType: '1101',
        status: '2',
        insuDate: '1998-05-01',
        pausDate: '2025-06-30',
        balanceFen: 4_210,
        cvlservFlag: '0',
        empName: '重庆沙箱建材有限公司',
      },
    ],
    identities: [],
    note: '职工医保暂停参保（断缴），用于演示参保状态异常',
  },
  {
    psnNo: '50000000000000000007',
    name: '张敏',
    certno: '500103198604123028',
    gender: '2',
    birthday: '1986-04-12',
    naty: '01',
    ecToken: '500000ecxpyg5af6ozeyjvdl76onqrfofvlek6',
    cardNo: 'A50000007',
    cardSn: '500103D156000005D30FF5DDC88A3124',
    ecPassword: '123456',
    insuplcAdmdvs: '500103',
    insurances: [
      {
        insutype: '310',
        psnType: '1101',
        status: '1',
        insuDate: '2009-07-01',
        balanceFen: 53_400,
        cvlservFlag: '0',
        empName: '重庆沙箱大药房有限公司',
      },
    ],
    identities: [],
    note: '执业药师张敏本人（柜台账号 yaoshi）：审方时扫描其医保电子凭证（7206 ec_token）',
  },
];

/** A pharmacist in the center's registry (医保药师): 7206 checks phar_code, certno and name. */
export interface DemoPharmacist {
  pharCode: string;
  pharName: string;
  /** phar_cert_type: 01 居民身份证. */
  certType: '01';
  certno: string;
}

export const DEMO_PHARMACISTS: readonly DemoPharmacist[] = [
  { pharCode: 'Y500103000123', pharName: '张敏', certType: '01', certno: '500103198604123028' },
];

/** Institutions known to the sandbox beyond those in config/sandbox.json. */
export const DEMO_EXTRA_INSTITUTIONS = [
  {
    fixmedinsCode: 'P50010300002',
    fixmedinsName: '沙箱示范大药房（解放碑店）',
    type: 'pharmacy',
    admdvs: '500103',
  },
] as const;
