import { TILE, TILE_LABEL, TILE_VALUE, TILES } from './reports-styles';

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
    <dl style={{ ...TILES, margin: 0 }}>
      {items.map((t) => (
        <div
          key={t.label}
          style={t.alert ? { ...TILE, border: '3px solid #D55E00', background: '#fff4ec' } : TILE}
        >
          <dt style={TILE_LABEL}>{t.label}</dt>
          <dd style={{ ...TILE_VALUE, margin: 0 }} data-testid={t.testId}>
            {t.alert ? `！${t.value}` : t.value}
          </dd>
        </div>
      ))}
    </dl>
  );
}
