/** One flowed drug on the public price list (R-PRICE-PUB): no stock, no personal data. */
export interface PublicPriceRow {
  medListCodg: string;
  genname: string;
  prodname: string;
  spec: string;
  dosform: string;
  packUnit: string;
  prdrName: string;
  /** Current retail price of one pack, in fen. */
  priceFen: number;
  dualChannel: boolean;
}

export interface PublicPriceList {
  pharmacyName: string;
  fixmedinsCode: string;
  /** yyyy-MM-dd: the day the list is posted. */
  date: string;
  rows: PublicPriceRow[];
}

/**
 * One flowed drug's availability for the public service channels (ST-EPC-02-004): the drug and
 * how many usable packs are on hand, summed over batches (no batch, expiry or personal data).
 */
export interface StockAvailabilityRow {
  medListCodg: string;
  genname: string;
  spec: string;
  packUnit: string;
  availablePacks: number;
}

export interface StockAvailability {
  fixmedinsCode: string;
  pharmacyName: string;
  /** yyyy-MM-dd HH:mm:ss: when the figures were read. */
  asOf: string;
  rows: StockAvailabilityRow[];
}

export type PublicListId = 'public-prices' | 'stock-availability';
export type PublicExportFormat = 'csv' | 'pdf' | 'json';
