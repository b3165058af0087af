import {
  classifyScan,
  isDrugCodeKind,
  SCAN_KIND_LABELS,
  type ScanClassification,
  visibleText,
} from '../../domain/scan/classify';
import { scanDisplayText } from '../../domain/scan/scan-display';
import { useIntakeStore } from '../counter/intake-store';
import { usePatientStore } from '../counter/patient-store';
import { useDispenseStore } from '../dispense/dispense-store';
import { beep } from '../feedback/beep';
import { useLookupStore } from '../lookup/lookup-store';
import { locationOf, useNavigation } from '../navigation/navigation-store';
import { usePrescriptionStore } from '../prescription/prescription-store';
import { useRxSelfPayStore } from '../prescription/rx-self-pay-store';
import { useReviewStore } from '../review/review-store';
import { useSaleStore } from '../sale/sale-store';
import { useStockStore } from '../stock/stock-store';
import { useFeedbackStore } from '../stores/feedback-store';
import { useScanStore } from '../stores/scan-store';
import { useSessionStore } from '../stores/session-store';
import { useUiStore } from '../stores/ui-store';
import type { ScanOutcome } from './scan-capture';

/** Shows at most this much of a scan that is not used, so a hostile payload cannot flood the screen. */
const SHOWN = 40;
const shorten = (s: string) => {
  const v = visibleText(s);
  return v.length > SHOWN ? `${v.slice(0, SHOWN)}…` : v;
};

function signedIn(what: string): boolean {
  if (useSessionStore.getState().session) return true;
  useFeedbackStore
    .getState()
    .showError({ code: 'UNAUTHENTICATED', message: `请先登录，再扫描${what}` });
  return false;
}

/** On the scanner test page (F11) a scan is only shown, never acted on. */
function onTestPage(scan: ScanClassification): boolean {
  if (useUiStore.getState().overlay !== 'scanner') return false;
  beep(scan.kind === 'unknown' || scan.kind === 'rejected' ? 'error' : 'success');
  return true;
}

/** An e-voucher while the review panel is open is the pharmacist's own (R-PHARMACIST). */
function routeVoucher(token: string): void {
  const review = useReviewStore.getState();
  if (review.hiRxno && useNavigation.getState().screen === 'prescription') {
    void review.submitWithVoucher(token);
    return;
  }
  usePrescriptionStore.getState().close();
  void usePatientStore.getState().lookup({ certType: '01', certNo: token });
}

/**
 * Pack codes go to an open dispensing, the self-pay basket, the 自费结算 of a prescription
 * (D45), or the stock screen's receipt or return, one pack per scan (R-TRACE, R-STOCK).
 */
function routeDrugCode(kind: keyof typeof SCAN_KIND_LABELS, text: string): void {
  const selfPay = useRxSelfPayStore.getState();
  if (selfPay.hiRxno && selfPay.step === 'scan') {
    selfPay.addCode(text);
    return;
  }
  if (locationOf(useNavigation.getState()) === 'stock' && kind !== 'ean13') {
    useStockStore.getState().addScannedCode(text);
    return;
  }
  if (useNavigation.getState().screen === 'sale') {
    if (kind === 'ean13') useSaleStore.getState().refuseProductCode(text);
    else useSaleStore.getState().addCode(text);
    return;
  }
  const dispense = useDispenseStore.getState();
  if (useNavigation.getState().screen === 'dispense' && dispense.view?.state === 'open') {
    void dispense.scan(text);
    return;
  }
  useFeedbackStore
    .getState()
    .showNotice(
      `已识别${SCAN_KIND_LABELS[kind]} ${shorten(text)}。药品条码请在审方通过后的调剂发药页面逐盒扫描，此处不作处理`,
    );
}

/**
 * Acts on a completed burst by what it parses as, on any screen. An e-voucher identifies the
 * patient (or, with the review panel open, the reviewing pharmacist); a prescription QR downloads
 * that prescription; a pack code goes to the open dispensing; everything else gets a Chinese
 * explanation and the error tone, and never reaches a field.
 */
export function routeScan(outcome: ScanOutcome): void {
  const feedback = useFeedbackStore.getState();
  const scans = useScanStore.getState();
  const base = { keyCount: outcome.keyCount, durationMs: Math.round(outcome.durationMs) };

  if (outcome.status === 'rejected') {
    scans.record({ ...base, text: outcome.text, kind: 'rejected', maxGapMs: null });
    if (useUiStore.getState().overlay === 'scanner') beep('error');
    else feedback.showError({ code: 'VALIDATION', message: outcome.message });
    return;
  }

  const scan = classifyScan(outcome.text, new Date());
  scans.record({
    ...base,
    text: outcome.text,
    kind: scan.kind,
    maxGapMs: Math.round(outcome.maxGapMs),
  });
  if (onTestPage(scan)) return;
  // A 结算ID has no format of its own (it can look like an e-voucher token): on the lookup page
  // every scan is the receipt's 结算ID.
  if (locationOf(useNavigation.getState()) === 'lookup' && scan.kind !== 'rejected') {
    useLookupStore.getState().setText(scan.text);
    void useLookupStore.getState().search();
    return;
  }
  if (isDrugCodeKind(scan.kind) && 'text' in scan) {
    routeDrugCode(scan.kind, scan.text);
    return;
  }
  switch (scan.kind) {
    case 'evoucher':
      if (signedIn('医保电子凭证')) routeVoucher(scan.text);
      return;
    case 'rx-qr':
      if (!signedIn('电子处方二维码')) return;
      usePrescriptionStore.getState().close();
      usePatientStore.getState().clear();
      void useIntakeStore.getState().findByQr(scan.text);
      return;
    case 'unknown':
      feedback.showError({
        code: 'VALIDATION',
        message: `${scan.message}（${scanDisplayText('unknown', scan.text)}）`,
      });
      return;
    case 'rejected':
      feedback.showError({ code: 'VALIDATION', message: scan.message });
      return;
  }
}
