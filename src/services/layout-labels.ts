import fs from 'node:fs';
import path from 'node:path';
import { type LayoutLabelSet, parseLayoutLabelSet } from '../domain/layout/label-set';

/**
 * The label synonyms of config/layout (beside config/policy): `<region>.json` where a region
 * has its own, `default.json` otherwise. Read once at start; a bad file stops the start.
 */
export function loadLayoutLabels(policyDir: string): (regionId: string) => LayoutLabelSet {
  const dir = path.join(policyDir, '..', 'layout');
  const sets = new Map<string, LayoutLabelSet>();
  for (const name of fs.readdirSync(dir).filter((n) => n.endsWith('.json'))) {
    const where = `版式标签 ${name}`;
    let json: unknown;
    try {
      json = JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8'));
    } catch (e) {
      throw new Error(`${where} 不是有效的 JSON：${(e as Error).message}`);
    }
    const set = parseLayoutLabelSet(json, where);
    if (`${set.id}.json` !== name) throw new Error(`${where} 的 id（${set.id}）与文件名不一致`);
    sets.set(set.id, set);
  }
  const fallback = sets.get('default');
  if (!fallback) throw new Error(`${dir} 中没有 default.json`);
  return (regionId) => sets.get(regionId) ?? fallback;
}
