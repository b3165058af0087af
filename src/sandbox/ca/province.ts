/** 省级名称 for certificate subjects (ST), from the first two digits of a division code. */
const PROVINCES: Record<string, string> = {
  '11': '北京市',
  '31': '上海市',
  '44': '广东省',
  '50': '重庆市',
  '51': '四川省',
};

export function provinceOf(admdvs: string): string {
  return PROVINCES[admdvs.slice(0, 2)] ?? '中华人民共和国';
}
