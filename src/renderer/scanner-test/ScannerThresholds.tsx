import { Button, InputNumber } from 'antd';
import { type ScanSample, suggestedMaxInterKeyMs } from '../../domain/scan/scan-sample';
import { useScanStore } from '../stores/scan-store';

/** The capture thresholds of this counter (localStorage epc.scanner.options). */
export function ScannerThresholds({ sample }: { sample: ScanSample | null }) {
  const options = useScanStore((s) => s.options);
  const suggestion = sample ? suggestedMaxInterKeyMs(sample) : null;
  const set = useScanStore.getState().setOptions;
  return (
    <div className="scanner-thresholds" data-testid="scanner-thresholds">
      <label className="threshold" htmlFor="threshold-gap">
        按键最大间隔（毫秒，5–200）
        <InputNumber
          min={5}
          max={200}
          size="large"
          value={options.maxInterKeyMs}
          onChange={(v) => typeof v === 'number' && set({ maxInterKeyMs: v })}
          id="threshold-gap"
          data-testid="threshold-gap"
        />
      </label>
      <label className="threshold" htmlFor="threshold-length">
        最短扫码长度（字符，4–64）
        <InputNumber
          min={4}
          max={64}
          size="large"
          value={options.minLength}
          onChange={(v) => typeof v === 'number' && set({ minLength: v })}
          id="threshold-length"
          data-testid="threshold-length"
        />
      </label>
      {suggestion !== null && suggestion !== options.maxInterKeyMs && (
        <Button data-testid="threshold-suggest" onClick={() => set({ maxInterKeyMs: suggestion })}>
          按本次测量设为 {suggestion} ms
        </Button>
      )}
    </div>
  );
}
