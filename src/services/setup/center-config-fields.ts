import type { z } from 'zod';

/** What each field of the center configuration file is, in the words of the wizard. */
const FIELD_LABELS: Record<string, string> = {
  fsi: '医保服务接口（fsi）',
  'fsi.baseUrl': '医保服务接口地址（fsi.baseUrl）',
  'fsi.path': '医保服务接口路径（fsi.path）',
  'fsi.paasid': '接入方标识（fsi.paasid）',
  'fsi.paasToken': '接入令牌（fsi.paasToken）',
  'fsi.timeoutMs': '接口超时毫秒数（fsi.timeoutMs）',
  epc: '电子处方中心（epc）',
  'epc.baseUrl': '电子处方中心地址（epc.baseUrl）',
  'epc.pathPrefix': '电子处方接口路径前缀（epc.pathPrefix）',
  'epc.appId': '应用编号（epc.appId）',
  'epc.appSecret': '应用密钥（epc.appSecret）',
  'epc.privateKey': '本机构 SM2 私钥（epc.privateKey）',
  'epc.platformPublicKey': '平台 SM2 公钥（epc.platformPublicKey）',
  'epc.sm2UserId': 'SM2 用户标识（epc.sm2UserId）',
  trust: '信任材料（trust）',
  'trust.caFiles': 'CA 证书文件列表（trust.caFiles）',
  'trust.crlUrl': '证书吊销列表地址（trust.crlUrl）',
  region: '地区政策包（region）',
  pharmacy: '药店信息（pharmacy）',
  'pharmacy.fixmedinsCode': '定点医药机构编码（pharmacy.fixmedinsCode）',
  'pharmacy.fixmedinsName': '定点医药机构名称（pharmacy.fixmedinsName）',
  'pharmacy.admdvs': '统筹区划代码（pharmacy.admdvs）',
  'pharmacy.devNo': '设备编号（pharmacy.devNo）',
};

export function fieldLabel(issuePath: readonly PropertyKey[]): string {
  const key = issuePath.filter((p) => typeof p === 'string').join('.');
  const index = issuePath.find((p) => typeof p === 'number');
  const label = FIELD_LABELS[key] ?? (key ? `字段 ${key}` : '配置文件');
  return index === undefined ? label : `${label}第 ${Number(index) + 1} 项`;
}

/** One zod issue as "which field: what is wrong", never echoing the value (it may be a secret). */
export function describeIssue(issue: z.core.$ZodIssue): string {
  return `${fieldLabel(issue.path)}：${problemOf(issue)}`;
}

function problemOf(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? '缺少此项' : `类型不对，应为${typeName(issue.expected)}`;
    case 'too_small':
      return issue.origin === 'string'
        ? Number(issue.minimum) <= 1
          ? '不能为空'
          : `长度不足（至少 ${String(issue.minimum)} 位）`
        : `至少 ${String(issue.minimum)} 项`;
    case 'too_big':
      return `超出上限（${String(issue.maximum)}）`;
    case 'invalid_format':
      if (issue.format === 'url') return '不是合法的网址（应以 http:// 或 https:// 开头）';
      if (issue.format === 'starts_with') return '应以“/”开头';
      if (issue.format === 'regex') return withSchemaWords('格式不对', issue.message);
      return '格式不对';
    case 'custom':
      return issue.message;
    case 'unrecognized_keys':
      return `含有无法识别的项：${issue.keys.join('、')}`;
    default:
      return '取值不合法';
  }
}

/** A schema that states its format in Chinese is quoted; zod's English default is not shown. */
function withSchemaWords(problem: string, schemaMessage: string): string {
  return /[\u4e00-\u9fff]/.test(schemaMessage) ? `${problem}（${schemaMessage}）` : problem;
}

function typeName(expected: string): string {
  const names: Record<string, string> = {
    string: '文本',
    number: '数字',
    object: '对象',
    array: '列表',
    boolean: '是/否',
  };
  return names[expected] ?? expected;
}
