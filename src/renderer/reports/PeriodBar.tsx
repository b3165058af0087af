import { Button } from 'antd';
import { DateRangeFields } from '../components/DateRangeFields';
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
      <DateRangeFields
        testIdPrefix="reports"
        from={period.from}
        to={period.to}
        size="large"
        disabled={snapshot}
        className="reports-date"
        onChange={(from, to) => store().setPeriod({ ...store().period, from, to })}
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
