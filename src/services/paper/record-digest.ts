import { sm3Hex } from '../../center/crypto';
import type { PaperRecord } from '../../store/paper-repository';

/**
 * The SM3 of a paper prescription's archived content (R-PAPER-KEEP, D56): what the retention
 * triggers keep unchanged for two years — the typed facts, the lines, the image's digest, who
 * captured it and when — in a fixed order. Its status and the pharmacist's decision are left out:
 * they move on by design. The store's index keeps this digest, so an inspector at the archiving
 * counter can tell the record is the one that was indexed.
 */
export function paperRecordSm3(r: PaperRecord): string {
  return sm3Hex(
    JSON.stringify([
      r.institutionCode,
      r.institutionName,
      r.serialNo,
      r.rxDate,
      r.physicianName,
      r.patientName,
      r.patientCertno,
      r.longRx,
      r.imageSm3,
      r.regionId,
      r.warnings,
      r.capturedBy,
      r.createdAt,
      r.lines.map((l) => [
        l.lineNo,
        l.medListCodg,
        l.genname,
        l.spec,
        l.unit,
        l.quantity,
        l.days,
        l.dualChannel,
      ]),
    ]),
  );
}
