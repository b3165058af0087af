import { GRID, INK } from './palette';
import { formatTick } from './tick-format';

/** The value axis of a horizontal chart: a grid line down the plot and its label on top. */
export function XTicks({
  ticks,
  height,
}: {
  ticks: ReadonlyArray<{ value: number; x: number }>;
  height: number;
}) {
  return ticks.map((t) => (
    <g key={t.value}>
      <line x1={t.x} x2={t.x} y1={22} y2={height - 4} stroke={GRID} />
      <text x={t.x} y={16} textAnchor="middle" fill={INK} fontSize={13}>
        {formatTick(t.value)}
      </text>
    </g>
  ));
}
