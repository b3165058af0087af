import { Alert, Button, Input, type InputRef } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { ErrorAlert } from '../components/ErrorAlert';
import { useMtClaimStore } from './mt-claim-store';
import { PaperPdfPreview } from './PaperPdfPreview';
import { useBlobUrl } from './use-blob-url';

/**
 * 门特自费购药 (R-MT-CLAIM): the archived prescription's packs scanned one code each, the patient
 * pays everything (nothing to the fund), then the 零星报销 materials are shown and printed.
 * Focus lands in the scan field; Enter adds a code, Enter on a complete list sells, Esc closes.
 */
export function MtClaimSale() {
  const { paper, codes, sold, busy, error } = useMtClaimStore();
  const [scan, setScan] = useState('');
  const field = useRef<InputRef>(null);
  const pdfUrl = useBlobUrl(sold?.materials.pdfBase64 ?? null, 'application/pdf');
  useEffect(() => {
    if (paper && !sold) field.current?.focus();
  }, [paper, sold]);
  if (!paper) return null;
  const complete = paper.lines.every((l) => (codes[l.lineNo]?.length ?? 0) === l.quantity);
  const onEnter = () => {
    if (scan.trim() === '' && complete) void useMtClaimStore.getState().sell();
    else useMtClaimStore.getState().addCode(scan);
    setScan('');
  };

  return (
    <section className="paper-mt-claim work-area-stack" data-testid="paper-mt-claim">
      <h3>门特自费购药（零星报销）</h3>
      {!sold && (
        <>
          <Alert
            type="info"
            showIcon
            title="本处方未经电子处方中心流转，不进行医保结算：患者全额自费，本店打印零星报销材料，患者回开方医疗机构报销"
          />
          <ul className="paper-mt-claim-lines">
            {paper.lines.map((l) => (
              <li key={l.lineNo}>
                {l.genname} {l.spec}：已扫 {codes[l.lineNo]?.length ?? 0}/{l.quantity}
                {l.unit}
              </li>
            ))}
          </ul>
          <Input
            ref={field}
            data-testid="paper-mt-claim-scan"
            prefix="追溯码"
            placeholder={complete ? '已扫齐：按 Enter 收款' : '逐盒扫码，一盒一码'}
            value={scan}
            onChange={(e) => setScan(e.target.value)}
            onPressEnter={onEnter}
            onKeyDown={(e) => {
              if (e.key === 'Escape') useMtClaimStore.getState().close();
            }}
          />
          {error && <ErrorAlert error={error} />}
          <Button
            type="primary"
            data-testid="paper-mt-claim-sell"
            disabled={!complete}
            loading={busy}
            onClick={() => void useMtClaimStore.getState().sell()}
          >
            全额自费收款
          </Button>
        </>
      )}
      {sold && (
        <>
          <Alert
            type="success"
            showIcon
            data-testid="paper-mt-claim-sold"
            title={`已收款 ${sold.total.yuan} 元（医保基金支付 0.00 元），销售单 Z${sold.saleId}`}
          />
          {pdfUrl && (
            <a href={pdfUrl} download={sold.materials.fileName} target="_blank" rel="noreferrer">
              打开并打印零星报销材料（PDF）
            </a>
          )}
          <PaperPdfPreview base64={sold.materials.pdfBase64} name={sold.materials.fileName} />
          <Button onClick={() => useMtClaimStore.getState().close()}>完成</Button>
        </>
      )}
    </section>
  );
}
