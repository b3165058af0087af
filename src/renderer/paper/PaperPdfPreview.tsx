import { Spin } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { base64ToBytes } from '../pdf/pdfjs';
import { renderPdfInto } from '../pdf/render-pdf';

type State = { status: 'loading' } | { status: 'ready'; pages: number } | { status: 'error' };

/**
 * A PDF prescription image drawn by the app's pdf.js (the same renderer as layout files), every
 * page one below the other in a scrolling box; the box takes the focus, so the arrow and
 * Page keys move through the pages.
 */
export function PaperPdfPreview({ base64, name }: { base64: string; name: string }) {
  const hostRef = useRef<HTMLElement>(null);
  const [state, setState] = useState<State>({ status: 'loading' });

  useEffect(() => {
    const host = hostRef.current;
    if (!host) return;
    let cancelled = false;
    setState({ status: 'loading' });
    renderPdfInto(
      host,
      base64ToBytes(base64),
      Math.max(320, host.clientWidth - 16),
      () => cancelled,
    )
      .then((pages) => {
        if (cancelled) return;
        host.querySelectorAll('canvas').forEach((c, i) => {
          c.dataset.testid = 'paper-pdf-canvas';
          c.setAttribute('aria-label', `处方影像 ${name} 第${i + 1}页，共${pages}页`);
        });
        setState({ status: 'ready', pages });
      })
      .catch(() => {
        if (!cancelled) setState({ status: 'error' });
      });
    return () => {
      cancelled = true;
    };
  }, [base64, name]);

  return (
    <div className="paper-pdf">
      {state.status === 'loading' && (
        <div>
          <Spin /> 正在显示 PDF 影像…
        </div>
      )}
      {state.status === 'error' && (
        <div role="alert" data-testid="paper-pdf-error">
          PDF 影像无法显示（文件可能已损坏），请重新扫描或改用 JPEG / PNG
        </div>
      )}
      {state.status === 'ready' && state.pages > 1 && (
        <div className="paper-pdf-pages">共 {state.pages} 页，滚动或按 PageDown 翻页</div>
      )}
      <section
        ref={hostRef}
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region takes the focus so PageDown pages through the PDF
        tabIndex={0}
        aria-label={`处方影像 ${name}（PDF）`}
        data-testid="paper-pdf"
        data-state={state.status}
        className="paper-pdf-scroll"
      />
    </div>
  );
}
