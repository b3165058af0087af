import fs from 'node:fs';
import path from 'node:path';
import { type PolicyPack, parsePolicyPacks } from '../domain/policy/policy-pack';

/** Every `*.json` of config/policy, parsed and checked (see parsePolicyPacks). */
export function loadPolicyPacks(dir: string, opts: { pharmacyAdmdvs?: string } = {}): PolicyPack[] {
  const files = fs
    .readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .map((name) => ({ name, text: fs.readFileSync(path.join(dir, name), 'utf8') }));
  return parsePolicyPacks(files, opts);
}
