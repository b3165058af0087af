import { type CategoryInput, layoutColumns, type PlotBox } from './column-layout';
import { fillOf, Legend, PatternDefs } from './Patterns';
import { GRID, INK, type SeriesStyle } from './palette';
import { formatTick } from './tick-format';
import { useSvgId } from './use-svg-id';

export interface ColumnChartProps {
  /** Read out for the chart as a whole (also the SVG <title>). */
  title: string;
  /** A sentence with the headline numbers, for screen readers (<desc>). */
  summary: string;
  series: readonly SeriesStyle[];
  /** Category labels as shown under the axis; `fullLabels` (same order) go into the bar titles. */
  categories: readonly CategoryInput[];
  fullLabels?: readonly string[];
  /** Text of one value (e.g. money), for bar labels and titles. */
  formatValue: (v: number) => string;
  /** Unit shown above the axis, e.g. '元'. */
  unit: string;
  height?: number;
  /** The values are counts: whole-number ticks. */
  integer?: boolean;
  testId: string;
}

const WIDTH = 960;
const FONT = 15;

/** Approximate rendered width of a label: CJK glyphs are square, digits about half. */
export function textWidth(text: string, fontSize = FONT): number {
  let w = 0;
  for (const ch of text) w += /[\u2E80-\uFFFF]/.test(ch) ? fontSize : fontSize * 0.6;
  return w;
}

/** A column chart: stacked and/or side-by-side columns per category, with value labels. */
export function ColumnChart(props: ColumnChartProps) {
  const id = useSvgId(props.testId);
  const height = props.height ?? 320;
  const box: PlotBox = { width: WIDTH, height, left: 72, right: 12, top: 28, bottom: 36 };
  const layout = layoutColumns(props.categories, box, {
    bandPadding: 0.25,
    columnGap: 3,
    integer: props.integer,
  });
  const styleOf = new Map(props.series.map((s) => [s.key, s]));
  const band = layout.categories[0]?.bandWidth ?? WIDTH;
  const labelEvery = Math.max(1, Math.ceil(52 / Math.max(band, 1)));
  return (
    <figure className="report-figure">
      <Legend idPrefix={id} series={props.series} />
      <svg
        data-testid={props.testId}
        className="report-chart"
        viewBox={`0 0 ${WIDTH} ${height}`}
        width="100%"
        role="img"
        aria-labelledby={`${id}-t ${id}-d`}
        // Run-time: the cap follows the chart's height; the font size is the one textWidth() measures with.
        style={{ maxHeight: height * 1.4, fontSize: FONT }}
      >
        <title id={`${id}-t`}>{props.title}</title>
        <desc id={`${id}-d`}>{props.summary}</desc>
        <PatternDefs idPrefix={id} series={props.series} />
        <text x={box.left - 8} y={16} textAnchor="end" fill={INK}>
          {props.unit}
        </text>
        {layout.ticks.map((t) => (
          <g key={t.value}>
            <line x1={box.left} x2={WIDTH - box.right} y1={t.y} y2={t.y} stroke={GRID} />
            <text x={box.left - 8} y={t.y + 5} textAnchor="end" fill={INK}>
              {formatTick(t.value)}
            </text>
          </g>
        ))}
        {layout.categories.map((c, i) => (
          <g key={c.label + String(i)}>
            {c.columns.map((col, j) => (
              <g key={String(j)}>
                {col.segments.map((s) => {
                  const style = styleOf.get(s.key);
                  const text = props.formatValue(s.value);
                  const fits = s.height >= FONT + 6 && s.width >= textWidth(text) + 6;
                  return (
                    <g key={s.key}>
                      <rect
                        className="chart-bar"
                        x={s.x}
                        y={s.y}
                        width={s.width}
                        height={s.height}
                        fill={style ? fillOf(id, style) : INK}
                        stroke="#fff"
                        strokeWidth={s.height > 2 ? 1 : 0}
                      >
                        <title>{`${props.fullLabels?.[i] ?? c.label} ${style?.label ?? s.key}：${text}`}</title>
                      </rect>
                      {fits && (
                        <text
                          className="chart-label"
                          x={s.x + s.width / 2}
                          y={s.y + s.height / 2 + 5}
                          textAnchor="middle"
                          fill="#fff"
                          stroke="#000"
                          strokeWidth={3}
                          paintOrder="stroke"
                          fontWeight={600}
                        >
                          {text}
                        </text>
                      )}
                    </g>
                  );
                })}
                {col.total > 0 &&
                  textWidth(props.formatValue(col.total), 13) <= col.width + c.bandWidth * 0.25 && (
                    <text
                      className="chart-label"
                      x={col.x + col.width / 2}
                      y={col.top - 6}
                      textAnchor="middle"
                      fill={INK}
                      fontSize={13}
                      fontWeight={700}
                    >
                      {props.formatValue(col.total)}
                    </text>
                  )}
              </g>
            ))}
            {i % labelEvery === 0 && (
              <text x={c.center} y={height - box.bottom + 22} textAnchor="middle" fill={INK}>
                {c.label}
              </text>
            )}
          </g>
        ))}
        <line
          x1={box.left}
          x2={WIDTH - box.right}
          y1={layout.baseline}
          y2={layout.baseline}
          stroke={INK}
        />
        {layout.categories.length === 0 && (
          <text x={WIDTH / 2} y={height / 2} textAnchor="middle" fill={INK} fontSize={20}>
            本期间无数据
          </text>
        )}
      </svg>
    </figure>
  );
}
