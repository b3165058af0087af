import divisions from 'china-area-data/data.json';

/** GB/T 2260 divisions as 国家统计局 published them (china-area-data v5, 2019-10-31): parent code → child code → name. */
const TREE = divisions as Record<string, Record<string, string>>;

const nameOf = (parent: string, code: string): string | undefined => TREE[parent]?.[code];

/**
 * The name of an insurance area code (参保地/统筹区 admdvs, a 6-digit division code), as a person
 * at the counter reads it: 四川省成都市, 重庆市渝中区. Empty when the code is not a known division
 * (a newer code than the table, or a made-up one); the caller then shows the code alone. The
 * insurance's own provincial pool (xx9900, 省本级) is named after its province.
 */
export function areaName(admdvs: string): string {
  if (!/^\d{6}$/.test(admdvs)) return '';
  const province = `${admdvs.slice(0, 2)}0000`;
  const city = `${admdvs.slice(0, 4)}00`;
  if (admdvs.slice(2) === '9900') {
    const own = nameOf('86', province);
    return own ? `${own}本级` : '';
  }
  const parts = [nameOf('86', province)];
  if (city !== province) {
    const cityName = nameOf(province, city);
    if (cityName && cityName !== '市辖区' && cityName !== '县') parts.push(cityName);
  }
  if (admdvs !== city) parts.push(nameOf(city, admdvs));
  if (parts.some((p) => p === undefined)) return '';
  return parts.join('');
}

/** 四川省成都市（510100）, or the code alone when its name is not known. */
export function areaLabel(admdvs: string): string {
  const name = areaName(admdvs);
  return name ? `${name}（${admdvs}）` : admdvs;
}
