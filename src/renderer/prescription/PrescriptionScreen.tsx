import { useEffect } from 'react';
import { ErrorBanner } from '../components/ErrorBanner';
import { InsuranceNotices } from '../components/InsuranceNotices';
import { ReviewPanel } from '../review/ReviewPanel';
import { FindingsBanner } from './FindingsBanner';
import { LayoutComparisonTable } from './LayoutComparisonTable';
import { LayoutPdfViewer } from './LayoutPdfViewer';
import { usePrescriptionStore } from './prescription-store';
import { ReviewVerdict } from './ReviewVerdict';
import { RxDetails } from './RxDetails';
import { RxHeader } from './RxHeader';
import { SignaturePanel } from './SignaturePanel';

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
      <ReviewPanel />
      <InsuranceNotices notices={view.insuranceNotices} />
      <FindingsBanner findings={view.findings} />
      <div className="rx-columns">
        <RxDetails view={view} />
        <LayoutPdfViewer hiRxno={view.hiRxno} />
      </div>
      <div className="rx-columns">
        <LayoutComparisonTable layout={view.layout} />
        <SignaturePanel signature={view.signature} />
      </div>
    </main>
  );
}
