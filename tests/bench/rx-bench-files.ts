import type { RxFile } from '../../src/center/rx/rx-file';
import { issueCertificate, parseCertificate } from '../../src/center/x509';
import { INSTITUTION_SUBJECT, type Issued, type PkiFixture, seededKeyPair } from '../support/pki';
import { buildRxFile, drugLines, layoutPdf } from '../unit/rx/rx-fixture';

/** `count` distinct signed prescriptions (20 KB PDF, 5 lines) from `institutions` hospitals. */
export function benchRxFiles(pki: PkiFixture, count: number, institutions: number): RxFile[] {
  const at = pki.now;
  const signers: Issued[] = Array.from({ length: institutions }, (_, i) => {
    const keyPair = seededKeyPair(`bench-institution-${i}`);
    const der = issueCertificate({
      issuer: { cert: pki.ca.cert, privateKey: pki.ca.keyPair.privateKey },
      subject: {
        ...INSTITUTION_SUBJECT,
        CN: `压测医院${i}电子签名`,
        serialNumber: `H5001030000${i}`,
      },
      publicKey: keyPair.publicKey,
      serialHex: `B${i}`,
      notBefore: new Date(at.getTime() - 86_400_000),
      notAfter: new Date(at.getTime() + 300 * 86_400_000),
    });
    return { cert: parseCertificate(der), der, keyPair };
  });
  return Array.from({ length: count }, (_, i) =>
    buildRxFile(signers[i % institutions] as Issued, {
      fields: {
        hiRxno: `H5001032026${String(i).padStart(8, '0')}`,
        fixmedinsCode: `H5001030000${i % institutions}`,
      },
      lines: drugLines(5, i),
      pdf: layoutPdf(20 * 1024, i + 1),
    }),
  );
}
