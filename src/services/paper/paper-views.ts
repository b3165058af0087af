import type { PaperListItem, PaperView } from '../../api/types-paper';
import { maskIdNumber } from '../../domain/mask';
import { retainedUntil } from '../../domain/paper/paper-dates';
import type { PaperFinding } from '../../domain/paper/paper-types';
import { formatBeijingDateTime } from '../../domain/policy/beijing-time';
import type { PaperRecord } from '../../store/paper-repository';

const STATUS_LABELS = { captured: '已归档待调剂', dispensed: '已调剂' } as const;

export function toPaperView(r: PaperRecord): PaperView {
  return {
    id: r.id,
    kind: 'paper',
    status: r.status,
    statusLabel: STATUS_LABELS[r.status],
    institutionCode: r.institutionCode,
    institutionName: r.institutionName,
    serialNo: r.serialNo,
    rxDate: r.rxDate,
    physicianName: r.physicianName,
    patient: { name: r.patientName, certnoMasked: maskIdNumber(r.patientCertno) },
    longRx: r.longRx,
    lines: r.lines.map((l) => ({ ...l })),
    image: { sm3: r.imageSm3, mime: r.imageMime, size: r.imageSize, verified: true },
    regionId: r.regionId,
    warnings: JSON.parse(r.warnings) as PaperFinding[],
    capturedBy: r.capturedBy,
    capturedAt: formatBeijingDateTime(new Date(r.createdAt)),
    retainedUntil: formatBeijingDateTime(new Date(retainedUntil(r.createdAt))),
  };
}

export function toPaperListItem(r: PaperRecord): PaperListItem {
  return {
    id: r.id,
    status: r.status,
    institutionCode: r.institutionCode,
    institutionName: r.institutionName,
    serialNo: r.serialNo,
    rxDate: r.rxDate,
    patientName: r.patientName,
    certnoMasked: maskIdNumber(r.patientCertno),
    drugs: r.lines.map((l) => l.genname).join('、'),
    capturedAt: formatBeijingDateTime(new Date(r.createdAt)),
  };
}
