/** A prescribed line being dispensed: what the prescription asks and how much was dispensed. */
export interface DispensingLine {
  lineNo: number;
  medListCodg: string;
  genname: string;
  splitPack: boolean;
  unitsPerPack: number | null;
  qtyPrescribed: number;
  qtyUnit: string;
  packsPrescribed: number;
  qtyDispensed: number;
  days: number | null;
}

/** A pack whose traceability code was scanned onto a line (units: what a 拆零 scan took). */
export interface DispensingCode {
  lineNo: number;
  code: string;
  kind: 'trace20' | 'gs1' | 'ma';
  raw: string;
  packNo: number;
  units: number | null;
  reusedPack: boolean;
  scannedAt: number;
}
