/**
 * Writes the layering table (scripts/lib/layers.ts) into biome.json as per-folder import
 * restrictions, so a wrong import is red in the editor:  npm run lint:layers
 * The architecture test fails while biome.json and the table disagree.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { layerOverrides } from './lib/lint-layers';

const file = path.resolve(import.meta.dirname, '../biome.json');
const config = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
config.overrides = layerOverrides();
writeFileSync(file, `${JSON.stringify(config, null, 2)}\n`);
execFileSync('npx', ['biome', 'format', '--write', file], { stdio: 'inherit' });
