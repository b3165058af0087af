import { Button } from 'antd';
import { type ScanTarget, useStockStore } from './stock-store';

/** The pack codes scanned for a receipt or a return: a count, the codes, and a way to start over. */
export function ScannedCodes({ target }: { target: ScanTarget }) {
  const codes = useStockStore((s) => s.codes[target]);
  const aimed = useStockStore((s) => s.scanTarget === target);
  return (
    <div className="stock-scanned" data-testid={`stock-${target}-codes`} data-count={codes.length}>
      <span>
        已扫追溯码 <strong>{codes.length}</strong> 个{aimed ? '（扫码枪逐盒扫描，归入此单）' : ''}
      </span>
      {codes.length > 0 && (
        <Button size="small" onClick={() => useStockStore.getState().clearCodes(target)}>
          清空重扫
        </Button>
      )}
      <ol>
        {codes.map((c) => (
          <li key={c}>{c}</li>
        ))}
      </ol>
    </div>
  );
}
