import { Button, Empty } from 'antd';
import { useState } from 'react';
import { PaperPdfPreview } from './PaperPdfPreview';
import { type PreviewZoom, stepZoom, zoomForKey, zoomLabel } from './preview-zoom';

export interface PickedImage {
  name: string;
  mime: string;
  size: number;
  base64: string;
}

/**
 * The picked (or archived, verified) prescription image; PDFs are drawn by pdf.js. The box
 * takes the focus: + / − zoom, Home fits the page, the arrow keys scroll a zoomed page.
 */
export function ImagePreview({ image, sm3 }: { image: PickedImage | null; sm3?: string }) {
  const [zoom, setZoom] = useState<PreviewZoom>('fit');
  if (!image) return <Empty description="尚未选择处方影像（JPEG / PNG / PDF，不超过10 MB）" />;
  return (
    <div className="paper-preview" data-testid="paper-preview">
      <div className="paper-zoom-bar work-area-row">
        <Button size="small" onClick={() => setZoom((z) => stepZoom(z, -1))} aria-label="缩小">
          − 缩小
        </Button>
        <Button size="small" onClick={() => setZoom('fit')} aria-label="适应窗口">
          适应（Home）
        </Button>
        <Button size="small" onClick={() => setZoom((z) => stepZoom(z, 1))} aria-label="放大">
          ＋ 放大
        </Button>
        <span data-testid="paper-zoom" className="hint">
          {zoomLabel(zoom)}
        </span>
      </div>
      <section
        // biome-ignore lint/a11y/noNoninteractiveTabindex: the focus holder of the preview's + / − / 0 zoom keys
        tabIndex={0}
        aria-label={`处方影像 ${image.name}：+ 放大，− 缩小，Home 适应窗口`}
        data-testid="paper-zoom-box"
        data-zoom={zoom}
        className={`paper-zoom-box${zoom === 'fit' ? ' is-fit' : ''}`}
        onKeyDown={(e) => {
          const { key } = e;
          if (zoomForKey('fit', key) === null) return;
          e.preventDefault();
          // from the latest zoom: keys pressed faster than a render must each count
          setZoom((z) => zoomForKey(z, key) ?? z);
        }}
      >
        {image.mime === 'application/pdf' ? (
          <PaperPdfPreview base64={image.base64} name={image.name} />
        ) : (
          <img
            alt="纸质处方影像"
            className="paper-preview-image"
            src={`data:${image.mime};base64,${image.base64}`}
          />
        )}
      </section>
      <div className="paper-preview-meta">
        {image.name}，{(image.size / 1024).toFixed(0)} KB
        {sm3 ? `，SM3 ${sm3.slice(0, 16)}…（已校验）` : ''}
      </div>
    </div>
  );
}
