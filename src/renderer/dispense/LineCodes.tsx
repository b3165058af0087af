import { Button } from 'antd';
import type { ScannedCodeView } from '../../contract/types-dispense';
import { useDispenseStore } from './dispense-store';

const KIND_LABELS = { trace20: '追溯码', gs1: 'GS1', ma: 'MA码' } as const;

/** The codes scanned onto one line; each can be taken off while the dispensing is open. */
export function LineCodes({
  codes,
  editable,
  packUnit,
}: {
  codes: ScannedCodeView[];
  editable: boolean;
  /** The product's own pack unit (盒, 支, 瓶 …) from the catalog. */
  packUnit: string;
}) {
  if (codes.length === 0) return null;
  return (
    <ul className="line-codes" data-testid="line-codes">
      {codes.map((c) => (
        <li
          key={c.code}
          data-testid="line-code"
          data-code={c.code}
          tabIndex={editable ? 0 : undefined}
          aria-label={editable ? `第 ${c.packNo} ${packUnit} ${c.code}，按 Delete 移除` : undefined}
          onKeyDown={(e) => {
            if (!editable || e.key !== 'Delete' || e.target !== e.currentTarget) return;
            e.preventDefault();
            void useDispenseStore.getState().removeCode(c.code);
          }}
        >
          <span className="line-code-no">
            第 {c.packNo} {packUnit}
          </span>
          <span className="mono">{c.code}</span>
          <span className="hint">
            {KIND_LABELS[c.kind]}
            {c.units !== null && ` · 拆零 ${c.units}`}
            {c.reusedPack && ' · 续用已拆包装'}
          </span>
          {editable && (
            <Button
              size="small"
              danger
              data-testid="remove-code"
              aria-label={`移除追溯码 ${c.code}`}
              onClick={() => void useDispenseStore.getState().removeCode(c.code)}
            >
              移除（Delete）
            </Button>
          )}
        </li>
      ))}
    </ul>
  );
}
