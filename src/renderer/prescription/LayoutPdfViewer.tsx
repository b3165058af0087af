import { Spin } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { ApiError } from '../../contract/client';
import { api, isUnauthenticated } from '../api';
import { base64ToBytes } from '../pdf/pdfjs';
import { renderPdfInto } from '../pdf/render-pdf';
import { useSessionStore } from '../stores/session-store';

function describe(err: unknown): string {
  if (err instanceof ApiError) return err.shape.message;
  return `版式文件无法显示：${err instanceof Error ? err.message : String(err)}`;
}

type ViewerState =
  | { status: 'loading' }
  | { status: 'ready'; pages: number }
  | { status: 'error'; message: string };

/** The prescription's layout file (版式文件), drawn in the app by pdf.js (R-LAYOUT), personal data masked. */
export function LayoutPdfViewer({ hiRxno }: { hiRxno: string }) {
  const hostRef = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<ViewerState>({ status: 'loading' });

  useEffect(() => {
    let cancelled = false;
    setState({ status: 'loading' });
    const run = async () => {
      const { pdfBase64, masks } = await api.call('rx.layoutFile', { hiRxno });
      const host = hostRef.current;
      if (cancelled || !host) return;
      const pages = await renderPdfInto(
        host,
        base64ToBytes(pdfBase64),
        Math.max(320, host.clientWidth),
        () => cancelled,
        masks,
      );
      if (!cancelled) setState({ status: 'ready', pages });
    };
    run().catch((err: unknown) => {
      if (cancelled) return;
      if (isUnauthenticated(err)) useSessionStore.getState().expire(describe(err));
      else setState({ status: 'error', message: describe(err) });
    });
    return () => {
      cancelled = true;
    };
  }, [hiRxno]);

  return (
    <section className="rx-pane rx-layout" aria-label="处方版式文件" data-testid="layout-viewer">
      <h3 className="pane-title">
        版式文件（PDF）
        {state.status === 'ready' && <span className="section-count">{state.pages} 页</span>}
      </h3>
      {state.status === 'loading' && (
        <div className="loading">
          <Spin /> 正在读取版式文件…
        </div>
      )}
      {state.status === 'error' && (
        <div className="layout-error" role="alert" data-testid="layout-viewer-error">
          {state.message}
        </div>
      )}
      <div
        ref={hostRef}
        className="layout-pages"
        data-testid="layout-pages"
        data-state={state.status}
      />
    </section>
  );
}
