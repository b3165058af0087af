/**
 * R-PRICE: a dual-channel (双通道) negotiated drug may not be sold above its medical-insurance
 * payment standard (支付标准). The standard is the center's (2101 answers it per line); the
 * counter refuses the sale rather than passing the excess to the patient.
 */
export interface PricedLine {
  feedetlSn: string;
  name: string;
  dualChannel: boolean;
  /** Our unit price in fen (a 拆零 line: per unit). */
  unitPriceFen: number;
}

/** The center's split of one line: its payment standard and the part above it. */
export interface StandardCut {
  feedetlSn: string;
  standardFen: number;
  overLimitFen: number;
}

export interface AboveStandard {
  name: string;
  unitPriceFen: number;
  standardFen: number;
  overLimitFen: number;
}

/** The dual-channel lines priced above the payment standard the center applied. */
export function dualChannelAboveStandard(
  lines: readonly PricedLine[],
  cuts: readonly StandardCut[],
): AboveStandard[] {
  return lines.flatMap((l) => {
    const cut = cuts.find((c) => c.feedetlSn === l.feedetlSn);
    if (!l.dualChannel || !cut) return [];
    const overPrice = cut.standardFen > 0 && l.unitPriceFen > cut.standardFen;
    if (cut.overLimitFen <= 0 && !overPrice) return [];
    return [
      {
        name: l.name,
        unitPriceFen: l.unitPriceFen,
        standardFen: cut.standardFen,
        overLimitFen: cut.overLimitFen,
      },
    ];
  });
}
