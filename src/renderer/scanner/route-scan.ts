import { classifyScan } from '../../domain/scan/classify';
import { useFeedbackStore } from '../stores/feedback-store';
import { useIntakeStore } from '../stores/intake-store';
import { usePatientStore } from '../stores/patient-store';
import { usePrescriptionStore } from '../stores/prescription-store';
import { useScanStore } from '../stores/scan-store';
import { useSessionStore } from '../stores/session-store';
import type { ScanOutcome } from './scan-capture';

/** Shows at most this much of a scan that is not used, so a hostile payload cannot flood the screen. */
const SHOWN = 40;
const shorten = (s: string) => (s.length > SHOWN ? `${s.slice(0, SHOWN)}…` : s);

/**
 * Acts on a completed burst by what it parses as, on any screen. An e-voucher identifies the
 * patient whatever credential type is selected and lists their prescriptions; a prescription QR
 * downloads that prescription; everything else gets a Chinese explanation and never reaches a field.
 */
export function routeScan(outcome: ScanOutcome): void {
  const feedback = useFeedbackStore.getState();
  const scans = useScanStore.getState();
  const base = { keyCount: outcome.keyCount, durationMs: Math.round(outcome.durationMs) };

  if (outcome.status === 'rejected') {
    scans.record({ ...base, text: outcome.text, kind: 'rejected', maxGapMs: null });
    feedback.showError({ code: 'VALIDATION', message: outcome.message });
    return;
  }

  const scan = classifyScan(outcome.text);
  scans.record({
    ...base,
    text: outcome.text,
    kind: scan.kind,
    maxGapMs: Math.round(outcome.maxGapMs),
  });
  switch (scan.kind) {
    case 'evoucher':
      if (!useSessionStore.getState().session) {
        feedback.showError({ code: 'UNAUTHENTICATED', message: '请先登录，再扫描医保电子凭证' });
        return;
      }
      usePrescriptionStore.getState().close();
      void usePatientStore.getState().lookup({ certType: '01', certNo: scan.text });
      return;
    case 'rx-qr':
      if (!useSessionStore.getState().session) {
        feedback.showError({ code: 'UNAUTHENTICATED', message: '请先登录，再扫描电子处方二维码' });
        return;
      }
      usePrescriptionStore.getState().close();
      usePatientStore.getState().clear();
      void useIntakeStore.getState().findByQr(scan.text);
      return;
    case 'traceability':
      feedback.showNotice(
        `已识别药品追溯码 ${scan.text}。追溯码请在调剂发药环节逐盒扫描，此处不作处理（R-TRACE）`,
      );
      return;
    case 'unknown':
      feedback.showError({
        code: 'VALIDATION',
        message: `${scan.message}（扫码内容：${shorten(scan.text)}）`,
      });
      return;
    case 'rejected':
      feedback.showError({ code: 'VALIDATION', message: scan.message });
      return;
  }
}
