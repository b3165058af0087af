/**
 * D40: a batch of a traced item received before pack codes were recorded (无追溯码批次) has no
 * codes to name on a stocktake. Its 3501 record says so with our extension field (the national
 * interface documents none), so the center can tell such a batch from a stocktake that left its
 * codes out; its packs are sold only by scanning each pack's code at the sale, which the sale's
 * own upload (7207/3505) then names (R-STOCK, R-TRACE).
 */
export const UNTRACED_FIELD = 'x_untraced';
export const UNTRACED_BATCH = '1';
export const UNTRACED_LABEL = '无追溯码批次';
