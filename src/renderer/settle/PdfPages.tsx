import { useEffect, useRef, useState } from 'react';
import { base64ToBytes } from '../pdf/pdfjs';
import { renderPdfInto } from '../pdf/render-pdf';

/** A Base64 PDF drawn by the app's pdf.js (no plug-in, no blob URL). */
export function PdfPages({ pdfBase64, label }: { pdfBase64: string; label: string }) {
  const hostRef = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<'loading' | 'ready' | 'error'>('loading');

  useEffect(() => {
    const host = hostRef.current;
    if (!host) return;
    let cancelled = false;
    setState('loading');
    renderPdfInto(host, base64ToBytes(pdfBase64), Math.max(320, host.clientWidth), () => cancelled)
      .then(() => {
        if (cancelled) return;
        host.querySelectorAll('canvas').forEach((c, i) => {
          c.setAttribute('aria-label', `${label} 第${i + 1}页`);
          c.dataset.testid = 'receipt-canvas';
        });
        setState('ready');
      })
      .catch(() => {
        if (!cancelled) setState('error');
      });
    return () => {
      cancelled = true;
    };
  }, [pdfBase64, label]);

  return (
    <>
      {state === 'error' && (
        <p className="bad-text" role="alert">
          {label}无法显示，请改用小票格式打印
        </p>
      )}
      <div ref={hostRef} className="receipt-pdf" data-testid="receipt-pdf" data-state={state} />
    </>
  );
}
