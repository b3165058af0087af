import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { type CatalogDrug, catalogFileSchema } from '../domain/catalog/catalog-drug';
import { catalogMap } from '../domain/catalog/catalog-map';
import { PROJECT_ROOT } from './project-paths';

/** config/catalog/drugs.json of this checkout or installed app (./project-paths.ts). */
export const DEFAULT_CATALOG_FILE = path.join(PROJECT_ROOT, 'config/catalog/drugs.json');

/** Reads and validates the drug catalog; keyed by medListCodg (duplicates are refused). */
export function loadCatalog(file: string = DEFAULT_CATALOG_FILE): Map<string, CatalogDrug> {
  const parsed = catalogFileSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) {
    throw new Error(`药品目录文件无效（${file}）：${z.prettifyError(parsed.error)}`);
  }
  return catalogMap(parsed.data.drugs);
}
