import { z } from 'zod';

/** Shapes many transactions share. Nodes are loose: the center may add fields, and so may we. */
export const text = z.string();
export const count = z.number();

/** `{ data: { …fields } }`, the most common input and output node. */
export function dataNode<S extends z.core.$ZodLooseShape>(shape: S) {
  return z.looseObject({ data: z.looseObject(shape) });
}

/** A string-valued `data` node: the e-prescription queries (7201–7205) send named strings. */
export const stringData = z.looseObject({ data: z.record(z.string(), z.string()) });

/** The inventory interface (3501–3507) answers `retRslt` and `msgRslt` (judges.ts). */
export const inventoryReply = z.looseObject({
  retRslt: z.union([z.string(), z.number()]).optional(),
  msgRslt: z.string().optional(),
});

/** The e-prescription uploads (7206–7208) answer `data.msg_code` and `data.flag` (judges.ts). */
export const uploadReply = dataNode({
  msg_code: z.string().optional(),
  flag: z.string().optional(),
});

/** One traded pack group of an inventory upload: which drug, which batch, how many. */
export const inventoryLine = z.looseObject({
  med_list_codg: text,
  fixmedins_hilist_id: text,
  fixmedins_bchno: text,
});

/** drugtracinfo[]: one traceability code per pack (empty for goods the catalog does not trace). */
export const packCodes = z.array(z.looseObject({ drug_trac_codg: text }));

/** The inventory interface takes one record or a list of them under its node. */
export function oneOrMany<T extends z.ZodType>(record: T) {
  return z.union([record, z.array(record)]);
}

/** Settlement outputs (2101–2103) carry a `setlinfo` node. */
export const settlementReply = z.looseObject({ setlinfo: z.looseObject({}) });
