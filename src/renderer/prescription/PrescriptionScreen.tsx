import { useEffect } from 'react';
import { ErrorBanner } from '../components/ErrorBanner';
import { InsuranceNotices } from '../components/InsuranceNotices';
import { CHECKS_FOLD_KEY, LAYOUT_FOLD_KEY } from '../keyboard/function-keys';
import { ReviewPanel } from '../review/ReviewPanel';
import { FindingsBanner } from './FindingsBanner';
import { FoldablePane } from './FoldablePane';
import { LayoutComparisonTable } from './LayoutComparisonTable';
import { LayoutPdfViewer } from './LayoutPdfViewer';
import { usePrescriptionStore } from './prescription-store';
import { ReviewDrugs } from './ReviewDrugs';
import { ReviewVerdict } from './ReviewVerdict';
import { RxDetails } from './RxDetails';
import { RxHeader } from './RxHeader';
import { RxSelfPayDialog } from './RxSelfPayDialog';
import { SelfPayOffer } from './SelfPayOffer';
import { SignaturePanel } from './SignaturePanel';
import './prescription.css';

/** A downloaded prescription, laid out for the review groundwork (R-LAYOUT, R-SIGN). */
export function PrescriptionScreen() {
  const view = usePrescriptionStore((s) => s.view);
  const loading = usePrescriptionStore((s) => s.loading);
  const hiRxno = view?.hiRxno;
  useEffect(() => {
    if (hiRxno) window.scrollTo({ top: 0 });
  }, [hiRxno]);
  if (!view) return null;
  return (
    <main
      className="prescription"
      data-testid="prescription-screen"
      data-hi-rxno={view.hiRxno}
      data-reviewable={view.reviewable}
      aria-busy={loading}
    >
      <RxHeader view={view} loading={loading} />
      <ErrorBanner />
      <ReviewVerdict view={view} />
      <ReviewPanel beside={<ReviewDrugs lines={view.lines} />} />
      <InsuranceNotices notices={view.insuranceNotices} />
      <SelfPayOffer view={view} />
      <FindingsBanner findings={view.findings} />
      <div className="rx-columns">
        <RxDetails view={view} />
        <FoldablePane section="layout" title="处方版式文件" keyHint={LAYOUT_FOLD_KEY}>
          <LayoutPdfViewer hiRxno={view.hiRxno} />
        </FoldablePane>
      </div>
      <FoldablePane section="checks" title="版式比对与签名核验" keyHint={CHECKS_FOLD_KEY}>
        <div className="rx-columns">
          <LayoutComparisonTable layout={view.layout} />
          <SignaturePanel signature={view.signature} />
        </div>
      </FoldablePane>
      <RxSelfPayDialog />
    </main>
  );
}
