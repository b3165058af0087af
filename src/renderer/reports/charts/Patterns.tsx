import type { PatternKind, SeriesStyle } from './palette';

/** A series fill: its colour under a white pattern (stripes, dots, cross-hatch) or plain. */
export function fillOf(idPrefix: string, s: SeriesStyle): string {
  return s.pattern === 'solid' ? s.color : `url(#${idPrefix}-${s.key})`;
}

function Marks({ kind }: { kind: PatternKind }) {
  const white = { stroke: '#fff', strokeWidth: 2 };
  switch (kind) {
    case 'stripes':
      return <path d="M-2,2 l4,-4 M0,8 l8,-8 M6,10 l4,-4" {...white} />;
    case 'backslash':
      return <path d="M-2,6 l4,4 M0,0 l8,8 M6,-2 l4,4" {...white} />;
    case 'cross':
      return <path d="M0,0 l8,8 M8,0 l-8,8" {...white} strokeWidth={1.5} />;
    case 'dots':
      return <circle cx={4} cy={4} r={1.6} fill="#fff" />;
    case 'solid':
      return null;
  }
}

/** <defs> with one 8×8 pattern per patterned series, ids `${idPrefix}-${key}`. */
export function PatternDefs({
  idPrefix,
  series,
}: {
  idPrefix: string;
  series: readonly SeriesStyle[];
}) {
  return (
    <defs>
      {series
        .filter((s) => s.pattern !== 'solid')
        .map((s) => (
          <pattern
            key={s.key}
            id={`${idPrefix}-${s.key}`}
            width={8}
            height={8}
            patternUnits="userSpaceOnUse"
          >
            <rect width={8} height={8} fill={s.color} />
            <Marks kind={s.pattern} />
          </pattern>
        ))}
    </defs>
  );
}

/** A legend in HTML (wraps, reads out as a list) with swatches drawn like the bars. */
export function Legend({ idPrefix, series }: { idPrefix: string; series: readonly SeriesStyle[] }) {
  return (
    <ul className="chart-legend" aria-label="图例">
      {series.map((s) => (
        <li key={s.key} className="chart-legend-item">
          <svg width={22} height={22} aria-hidden="true">
            <PatternDefs idPrefix={`${idPrefix}-lg`} series={[s]} />
            <rect
              width={22}
              height={22}
              rx={3}
              fill={fillOf(`${idPrefix}-lg`, s)}
              stroke="#333"
              strokeWidth={1}
            />
          </svg>
          {s.label}
        </li>
      ))}
    </ul>
  );
}
