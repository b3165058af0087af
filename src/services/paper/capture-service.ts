import type { PaperCheckResult, PaperView } from '../../contract/types-paper';
import type { CatalogDrug } from '../../domain/catalog/catalog-drug';
import { AppError } from '../../domain/errors';
import { duplicateSerialFinding } from '../../domain/paper/duplicate-serial';
import { checkPaperPrescription, isBlocking } from '../../domain/paper/paper-checks';
import { paperRefusal } from '../../domain/paper/paper-refusal';
import { paperRxno } from '../../domain/paper/paper-rxno';
import type { PaperFields, PaperFinding } from '../../domain/paper/paper-types';
import { formatBeijingDateTime } from '../../domain/policy/beijing-time';
import type { PolicyPack } from '../../domain/policy/policy-pack';
import type { StaffMember } from '../../domain/staff';
import type { PaperRepository } from '../../store/paper-repository';
import { sqliteCode } from '../../store/sqlite-errors';
import type { Logger } from '../logger';
import { decodeImage } from './image-codec';
import { toPaperListItem, toPaperView } from './paper-views';

export interface CaptureDeps {
  repo: PaperRepository;
  catalog: ReadonlyMap<string, CatalogDrug>;
  pack: () => PolicyPack;
  log: Logger;
  now: () => Date;
  /**
   * Store mode: findings from the store's knowledge of the same paper at other counters (D56,
   * R-PAPER-NO); absent for a single counter.
   */
  seenAtStore?: (key: string) => Promise<PaperFinding[]>;
  /** Store mode: the archive was changed, copy it to the store's index soon. */
  archived?: () => void;
}

/**
 * Checks (R-PAPER-*, R-VALID, R-REGION, R-EXCLUDED, R-LONGRX) and archiving of paper
 * prescriptions. A cashier's capture waits for a pharmacist (confirm-service, R-PHARMACIST).
 */
export function createCaptureService(deps: CaptureDeps) {
  const lookup = (code: string) => deps.catalog.get(code);

  function unknownDrugs(fields: PaperFields): void {
    const unknown = fields.lines.filter((l) => !lookup(l.medListCodg));
    if (unknown.length) {
      throw new AppError(
        'VALIDATION',
        `药品须从本店药品目录中选择：${unknown.map((l) => l.medListCodg).join('、')} 不在目录中`,
        { ruleId: 'R-CHECKS' },
      );
    }
  }

  async function check(fields: PaperFields): Promise<PaperCheckResult> {
    unknownDrugs(fields);
    const atStore = deps.seenAtStore
      ? await deps.seenAtStore(paperRxno(fields.institutionCode, fields.serialNo))
      : [];
    return localCheck(fields, atStore);
  }

  function localCheck(fields: PaperFields, atStore: PaperFinding[]): PaperCheckResult {
    const findings = [
      ...atStore,
      ...checkPaperPrescription(fields, deps.pack(), lookup, deps.now()),
    ];
    const earlier = deps.repo.bySerial(fields.institutionCode, fields.serialNo);
    if (earlier) {
      findings.unshift(
        duplicateSerialFinding(fields.institutionCode, fields.serialNo, {
          id: earlier.id,
          rxDate: earlier.rxDate,
          patientName: earlier.patientName,
          capturedAt: formatBeijingDateTime(new Date(earlier.createdAt)),
        }),
      );
    }
    return {
      accepted: !isBlocking(findings),
      findings,
      earlier: earlier ? toPaperListItem(earlier) : null,
    };
  }

  function refuse(result: PaperCheckResult): never {
    const blocks = result.findings.filter((f) => f.severity === 'block') as [
      PaperFinding,
      ...PaperFinding[],
    ];
    const code = blocks[0].ruleId === 'R-PAPER-NO' ? 'CONFLICT' : 'POLICY';
    throw paperRefusal(code, '', blocks, JSON.stringify(result));
  }

  async function capture(
    staff: StaffMember,
    fields: PaperFields,
    imageBase64: string,
  ): Promise<PaperView> {
    if (staff.role === 'admin') {
      throw new AppError(
        'FORBIDDEN',
        '管理员不能登记纸质处方：请由收银员登记、执业药师确认，或由执业药师直接登记',
        { ruleId: 'R-PHARMACIST' },
      );
    }
    const image = decodeImage(imageBase64);
    const result = await check(fields);
    if (!result.accepted) refuse(result);
    const at = deps.now();
    let id: number;
    try {
      id = deps.repo.insert(
        {
          ...fields,
          imageSm3: image.sm3,
          regionId: deps.pack().id,
          warnings: JSON.stringify(result.findings),
          capturedBy: staff.id,
          createdAt: at.getTime(),
          confirmedByCapturer: staff.role === 'pharmacist',
          lines: fields.lines.map((l, i) => {
            const drug = lookup(l.medListCodg) as CatalogDrug;
            return {
              lineNo: i + 1,
              medListCodg: l.medListCodg,
              genname: drug.genname,
              spec: drug.spec,
              unit: drug.packUnit,
              quantity: l.quantity,
              days: l.days,
              dualChannel: drug.dualChannel,
            };
          }),
        },
        image,
      );
    } catch (err) {
      if (sqliteCode(err) === 'SQLITE_CONSTRAINT_UNIQUE') refuse(localCheck(fields, []));
      throw err;
    }
    deps.log.info('paper.captured', {
      id,
      institutionCode: fields.institutionCode,
      serialNo: fields.serialNo,
      name: fields.patientName,
      certno: fields.patientCertno,
      sm3: image.sm3,
      size: image.size,
    });
    deps.archived?.();
    const saved = deps.repo.get(id);
    if (!saved) throw new Error(`paper prescription ${id} vanished`);
    return toPaperView(saved);
  }

  return { check, capture };
}
