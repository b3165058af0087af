import { INK, OKABE_ITO } from './palette';
import { formatShare, layoutShare } from './share-layout';
import { useSvgId } from './use-svg-id';

const WIDTH = 960;
const X = 20;
const BAR_W = WIDTH - 2 * X;

/**
 * The R-CATALOG share as a 0–100 % bar with the threshold line. Pass and fail differ in colour
 * (blue / vermillion), in fill (solid / stripes) and in words, never in colour alone.
 */
export function ShareBar({ share, threshold }: { share: number; threshold: number }) {
  const id = useSvgId('share');
  const g = layoutShare(share, threshold, X, BAR_W);
  const color = g.meets ? OKABE_ITO.blue : OKABE_ITO.vermillion;
  const words = g.meets ? '达标' : '未达标';
  return (
    <svg
      data-testid="reports-catalog-chart"
      className="report-chart"
      viewBox={`0 0 ${WIDTH} 110`}
      width="100%"
      role="img"
      aria-labelledby={`${id}-t`}
    >
      <title id={`${id}-t`}>
        {`医保目录内品种占比 ${formatShare(g.share)}，要求不低于 ${formatShare(threshold)}：${words}`}
      </title>
      <defs>
        <pattern id={`${id}-miss`} width={8} height={8} patternUnits="userSpaceOnUse">
          <rect width={8} height={8} fill={color} />
          <path d="M-2,2 l4,-4 M0,8 l8,-8 M6,10 l4,-4" stroke="#fff" strokeWidth={2} />
        </pattern>
      </defs>
      <rect x={X} y={30} width={BAR_W} height={44} fill="#eef1f5" stroke={INK} />
      <rect
        className="chart-bar"
        x={X}
        y={30}
        width={g.fillWidth}
        height={44}
        fill={g.meets ? color : `url(#${id}-miss)`}
      />
      <line
        x1={g.thresholdX}
        x2={g.thresholdX}
        y1={18}
        y2={86}
        stroke={INK}
        strokeWidth={3}
        strokeDasharray="6 3"
      />
      <text
        className="chart-label"
        x={g.thresholdX}
        y={14}
        textAnchor="middle"
        fill={INK}
        fontWeight={700}
      >
        {`要求线 ${formatShare(threshold)}`}
      </text>
      {[0, 0.25, 0.5, 0.75, 1].map((t) => (
        <text
          key={t}
          x={X + t * BAR_W}
          y={104}
          textAnchor={t === 0 ? 'start' : t === 1 ? 'end' : 'middle'}
          fill={INK}
          fontSize={13}
        >
          {`${t * 100}%`}
        </text>
      ))}
    </svg>
  );
}
