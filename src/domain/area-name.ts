import { GB2260_2019 } from './gb2260-divisions';

let names: Map<string, string> | null = null;

/** Code → name of every division, read from the table the first time a name is asked for. */
function divisionName(code: string): string | undefined {
  names ??= new Map(GB2260_2019.split('|').map((entry) => [entry.slice(0, 6), entry.slice(6)]));
  return names.get(code);
}

/**
 * The name of an insurance area code (参保地/统筹区 admdvs, a 6-digit division code), as a person
 * at the counter reads it: 四川省成都市, 重庆市渝中区. Empty when the code is not a known division
 * (a newer code than the table, or a made-up one); the caller then shows the code alone. The
 * insurance's own provincial pool (xx9900, 省本级) is named after its province.
 */
export function areaName(admdvs: string): string {
  if (!/^\d{6}$/.test(admdvs)) return '';
  const province = divisionName(`${admdvs.slice(0, 2)}0000`);
  if (!province) return '';
  if (admdvs.slice(2) === '9900') return `${province}本级`;
  const cityCode = `${admdvs.slice(0, 4)}00`;
  const parts = [province];
  const city = cityCode === `${admdvs.slice(0, 2)}0000` ? undefined : divisionName(cityCode);
  if (city) parts.push(city);
  if (admdvs !== cityCode) {
    const county = divisionName(admdvs);
    if (!county) return '';
    parts.push(county);
  } else if (admdvs.slice(2) !== '0000' && !city && !isMunicipalityPart(admdvs)) {
    return '';
  }
  return parts.join('');
}

/** 500100, 110100: the 市辖区 level of a municipality, named by the municipality alone. */
function isMunicipalityPart(admdvs: string): boolean {
  return ['11', '12', '31', '50'].includes(admdvs.slice(0, 2)) && admdvs.slice(4) === '00';
}

/** 四川省成都市（510100）, or the code alone when its name is not known. */
export function areaLabel(admdvs: string): string {
  const name = areaName(admdvs);
  return name ? `${name}（${admdvs}）` : admdvs;
}
