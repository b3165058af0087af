/** Units in one pack from a catalog spec: `0.25g*24粒` → 24, `100片` → 100, `3ml:300单位*1支` → 1. */
export function unitsPerPack(spec: string): number | null {
  const star = /\*\s*(\d+)\s*[^\d*]*$/.exec(spec);
  const bare = /^(\d+)\s*[片粒支瓶袋丸贴]$/.exec(spec.trim());
  const n = Number(star?.[1] ?? bare?.[1] ?? Number.NaN);
  return Number.isInteger(n) && n > 0 ? n : null;
}

/**
 * How many of a dose unit one pack holds, from its spec: counted units (`0.25g*24粒`, 粒 → 24;
 * `100片`, 片 → 100) or a measured content times the count (`3ml:300单位*1支`, 单位 → 300;
 * `100ml*1瓶`, ml → 100). Null when the spec does not say (the check is then not made).
 */
export function doseUnitsPerPack(spec: string, doseUnit: string): number | null {
  const unit = doseUnit.trim();
  if (!unit) return null;
  const text = spec.replace(/\s+/g, '');
  const counted = /^(.*?)(?:\*(\d+)([^\d*]*))?$/.exec(text);
  if (!counted) return null;
  const [, content = '', countText, countUnit] = counted;
  const count = countText === undefined ? 1 : Number(countText);
  if (countText !== undefined && countUnit === unit) return count > 0 ? count : null;
  const bare = new RegExp(`^(\\d+(?:\\.\\d+)?)${escapeRegExp(unit)}$`).exec(content);
  if (countText === undefined) return bare ? Number(bare[1]) : null;
  const measured = new RegExp(`(?:^|[:：])(\\d+(?:\\.\\d+)?)${escapeRegExp(unit)}(?:$|[:：])`).exec(
    content,
  );
  const per = Number(measured?.[1] ?? Number.NaN);
  return Number.isFinite(per) && per > 0 && count > 0 ? per * count : null;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
