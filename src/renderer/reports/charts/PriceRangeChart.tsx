import { INK, OKABE_ITO } from './palette';
import { layoutRanges, type RangeInput } from './range-layout';
import { useSvgId } from './use-svg-id';
import { XTicks } from './XTicks';

export interface PriceRangeChartProps {
  title: string;
  items: readonly RangeInput[];
  formatValue: (v: number) => string;
}

const WIDTH = 960;

/**
 * Per drug: the charged range (bar from lowest to highest, a white tick at the average) against
 * the current price (a black diamond). Charged above the current price: vermillion, hatched and
 * marked 「！高于现价」in words.
 */
export function PriceRangeChart(props: PriceRangeChartProps) {
  const id = useSvgId('prices');
  const layout = layoutRanges(props.items, {
    width: WIDTH,
    labelWidth: 280,
    valueWidth: 230,
    rowHeight: 40,
    top: 30,
  });
  const height = Math.max(layout.height + 8, 90);
  return (
    <svg
      data-testid="reports-chart-prices"
      className="report-chart"
      viewBox={`0 0 ${WIDTH} ${height}`}
      width="100%"
      role="img"
      aria-labelledby={`${id}-t`}
    >
      <title id={`${id}-t`}>{props.title}</title>
      <defs>
        <pattern id={`${id}-above`} width={8} height={8} patternUnits="userSpaceOnUse">
          <rect width={8} height={8} fill={OKABE_ITO.vermillion} />
          <path d="M-2,2 l4,-4 M0,8 l8,-8 M6,10 l4,-4" stroke="#fff" strokeWidth={2} />
        </pattern>
      </defs>
      <XTicks ticks={layout.ticks} height={height} />
      {layout.rows.map((r) => (
        <g key={r.key}>
          <text x={270} y={r.mid + 6} textAnchor="end" fill={INK}>
            {r.label.length > 16 ? `${r.label.slice(0, 15)}…` : r.label}
          </text>
          {r.range && (
            <rect
              className="chart-bar"
              x={r.range.x1}
              y={r.mid - 9}
              width={Math.max(3, r.range.x2 - r.range.x1)}
              height={18}
              fill={r.above ? `url(#${id}-above)` : OKABE_ITO.sky}
              stroke={INK}
              strokeWidth={0.5}
            >
              <title>{`${r.label} 收费 ${props.formatValue(r.min ?? 0)} 至 ${props.formatValue(r.max ?? 0)}`}</title>
            </rect>
          )}
          {r.avgX !== null && (
            <line
              x1={r.avgX}
              x2={r.avgX}
              y1={r.mid - 9}
              y2={r.mid + 9}
              stroke="#fff"
              strokeWidth={3}
            />
          )}
          <path
            d={`M${r.currentX},${r.mid - 10} l8,10 l-8,10 l-8,-10 z`}
            fill={INK}
            stroke="#fff"
            strokeWidth={1.5}
          >
            <title>{`${r.label} 现价 ${props.formatValue(r.current)}`}</title>
          </path>
          <text
            className="chart-label"
            x={WIDTH - 220}
            y={r.mid + 6}
            fill={r.above ? '#a8071a' : INK}
            fontWeight={r.above ? 700 : 400}
          >
            {r.above
              ? `！高于现价 ${props.formatValue(r.max ?? 0)}`
              : `现价 ${props.formatValue(r.current)}`}
          </text>
        </g>
      ))}
      {layout.rows.length === 0 && (
        <text x={WIDTH / 2} y={height / 2 + 6} textAnchor="middle" fill={INK} fontSize={20}>
          本期间无外配处方售药
        </text>
      )}
    </svg>
  );
}
