import catalogJson from '../../../config/catalog/drugs.json' with { type: 'json' };
import { type CatalogDrug, catalogFileSchema } from '../../domain/catalog/catalog-drug';
import { catalogMap } from '../../domain/catalog/catalog-map';

let cached: Map<string, CatalogDrug> | undefined;

/** The drug catalog built into the sandbox (config/catalog/drugs.json), keyed by medListCodg. */
export function sandboxCatalog(): Map<string, CatalogDrug> {
  cached ??= catalogMap(catalogFileSchema.parse(catalogJson).drugs);
  return cached;
}
