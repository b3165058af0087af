import { Empty } from 'antd';
import { PaperPdfPreview } from './PaperPdfPreview';

export interface PickedImage {
  name: string;
  mime: string;
  size: number;
  base64: string;
}

/** The picked (or archived, verified) prescription image; PDFs are drawn by pdf.js. */
export function ImagePreview({ image, sm3 }: { image: PickedImage | null; sm3?: string }) {
  if (!image) return <Empty description="尚未选择处方影像（JPEG / PNG / PDF，不超过10 MB）" />;
  return (
    <div className="paper-preview" data-testid="paper-preview">
      {image.mime === 'application/pdf' ? (
        <PaperPdfPreview base64={image.base64} name={image.name} />
      ) : (
        <img
          alt="纸质处方影像"
          className="paper-preview-image"
          src={`data:${image.mime};base64,${image.base64}`}
        />
      )}
      <div className="paper-preview-meta">
        {image.name}，{(image.size / 1024).toFixed(0)} KB
        {sm3 ? `，SM3 ${sm3.slice(0, 16)}…（已校验）` : ''}
      </div>
    </div>
  );
}
