export interface TileItem {
  label: string;
  value: string;
  testId?: string;
  /** Drawn with a thick red border and a 「！」 in front when it needs attention. */
  alert?: boolean;
}

/** Headline figures of a report, large enough to read from across the counter. */
export function Tiles({ items }: { items: readonly TileItem[] }) {
  return (
    <dl className="reports-tiles">
      {items.map((t) => (
        <div key={t.label} className={t.alert ? 'reports-tile reports-tile-alert' : 'reports-tile'}>
          <dt className="reports-tile-label">{t.label}</dt>
          <dd className="reports-tile-value" data-testid={t.testId}>
            {t.alert ? `！${t.value}` : t.value}
          </dd>
        </div>
      ))}
    </dl>
  );
}
