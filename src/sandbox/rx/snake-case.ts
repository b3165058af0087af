/**
 * camelCase → snake_case, as the FSI side spells the EPC fields (medListCodg → med_list_codg).
 * The ONE conversion of uploadChk drug lines into the `rxdrugdetail` lines that 7203/7204
 * return: the hospital digests these lines into originalValue, the center checks that digest
 * against them and later serves them, so both must come from here.
 */
export function snakeKey(key: string): string {
  return key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

/** Top-level keys converted, values kept exactly (numbers stay numbers). */
export function snakeObject(node: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(node).map(([k, v]) => [snakeKey(k), v]));
}

/** The 7203/7204 `rxdrugdetail` for uploadChk's `rxdrugdetail`. */
export function snakeDrugLines(
  uploadLines: readonly Record<string, unknown>[],
): Record<string, unknown>[] {
  return uploadLines.map(snakeObject);
}
