import { type HBarInput, layoutHBars } from './hbar-layout';
import { fillOf, PatternDefs } from './Patterns';
import { INK, type SeriesStyle } from './palette';
import { useSvgId } from './use-svg-id';
import { XTicks } from './XTicks';

export interface HBarChartProps {
  title: string;
  summary: string;
  items: readonly HBarInput[];
  series: SeriesStyle;
  formatValue: (v: number) => string;
  limit: number;
  /** The values are counts: whole-number ticks. */
  integer?: boolean;
  testId: string;
}

const WIDTH = 960;
const ROW = 38;

/** Ranked horizontal bars (largest first), a name on the left and the value on the right. */
export function HBarChart(props: HBarChartProps) {
  const id = useSvgId(props.testId);
  const layout = layoutHBars(
    props.items,
    { width: WIDTH, labelWidth: 300, valueWidth: 150, rowHeight: ROW, top: 30 },
    props.limit,
    props.integer,
  );
  const height = Math.max(layout.height + 8, 90);
  return (
    <svg
      data-testid={props.testId}
      className="report-chart"
      viewBox={`0 0 ${WIDTH} ${height}`}
      width="100%"
      role="img"
      aria-labelledby={`${id}-t ${id}-d`}
    >
      <title id={`${id}-t`}>{props.title}</title>
      <desc id={`${id}-d`}>{props.summary}</desc>
      <PatternDefs idPrefix={id} series={[props.series]} />
      <XTicks ticks={layout.ticks} height={height} />
      {layout.rows.map((r) => (
        <g key={r.key}>
          <text x={290} y={r.y + r.barHeight / 2 + 6} textAnchor="end" fill={INK}>
            {r.label.length > 17 ? `${r.label.slice(0, 16)}…` : r.label}
          </text>
          <rect
            className="chart-bar"
            x={r.barX}
            y={r.y}
            width={r.barWidth}
            height={r.barHeight}
            fill={fillOf(id, props.series)}
            stroke="#333"
            strokeWidth={r.barWidth > 0 ? 0.5 : 0}
          >
            <title>{`${r.label}：${props.formatValue(r.value)}`}</title>
          </rect>
          <text
            className="chart-label"
            x={r.barX + r.barWidth + 8}
            y={r.y + r.barHeight / 2 + 6}
            fill={INK}
            fontWeight={700}
          >
            {props.formatValue(r.value)}
          </text>
        </g>
      ))}
      {layout.rows.length === 0 && (
        <text x={WIDTH / 2} y={height / 2 + 6} textAnchor="middle" fill={INK} fontSize={20}>
          本期间无数据
        </text>
      )}
    </svg>
  );
}
