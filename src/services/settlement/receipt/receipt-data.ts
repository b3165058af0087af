/** What every receipt format prints (R-SETTLE): the split, the prescription, the packs' codes. */
export interface ReceiptData {
  title: string;
  pharmacyName: string;
  rows: Array<[string, string]>;
  lines: Array<{ name: string; qty: string; total: string; notes: string[]; codes: string[] }>;
  totals: Array<[string, string]>;
  footer: string[];
  /** The medication guidance printed with the sale (R-GUIDE), one paragraph per line. */
  guidance?: string[];
}
