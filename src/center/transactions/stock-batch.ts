/** One ordering key per stock batch: the center sees its purchase before its returns and changes. */
export const byStockBatch = (of: { batchId: number }): string => `stock-batch-${of.batchId}`;
