import { Button } from 'antd';
import { DateField } from '../components/DateField';
import { PERIOD_PRESETS } from './period';
import { useReportsStore } from './report-store';

/** The report period: two dates (Enter refreshes) and the quick choices (Alt+Q cycles). */
export function PeriodBar() {
  const period = useReportsStore((s) => s.period);
  const preset = useReportsStore((s) => s.preset);
  const busy = useReportsStore((s) => s.busy);
  const tab = useReportsStore((s) => s.tab);
  const store = useReportsStore.getState;
  // Catalog coverage is a snapshot of today's stock: the period does not apply.
  const snapshot = tab === 'catalog-coverage';
  return (
    <section className="work-area-row" aria-label="统计期间">
      <DateField
        testId="reports-from"
        prefix="起"
        size="large"
        value={period.from}
        disabled={snapshot}
        onChange={(v) => store().setPeriod({ ...store().period, from: v })}
        className="reports-date"
      />
      <DateField
        testId="reports-to"
        prefix="止"
        size="large"
        value={period.to}
        disabled={snapshot}
        onChange={(v) => store().setPeriod({ ...store().period, to: v })}
        className="reports-date"
      />
      {PERIOD_PRESETS.map((p) => (
        <Button
          key={p.id}
          size="large"
          disabled={snapshot}
          data-testid={`reports-preset-${p.id}`}
          type={p.id === preset ? 'primary' : 'default'}
          ghost={p.id === preset}
          onClick={() => store().applyPreset(p.id)}
        >
          {p.label}
        </Button>
      ))}
      <Button
        size="large"
        data-testid="reports-refresh"
        loading={busy}
        onClick={() => void store().refresh()}
      >
        刷新（Enter）
      </Button>
    </section>
  );
}
