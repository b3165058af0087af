import { describe, expect, it } from 'vitest';
import { layoutHBars } from '../../../src/renderer/reports/charts/hbar-layout';
import { formatShare, layoutShare } from '../../../src/renderer/reports/charts/share-layout';

const box = { width: 600, labelWidth: 200, valueWidth: 100, rowHeight: 40, top: 30 };

describe('ranked horizontal bars', () => {
  it('ranks by value, keeps the top N and scales against a nice maximum [R-RECON]', () => {
    const layout = layoutHBars(
      [
        { key: 'a', label: '阿莫西林胶囊', value: 12 },
        { key: 'b', label: '二甲双胍片', value: 40 },
        { key: 'c', label: '胰岛素', value: 25 },
      ],
      box,
      2,
    );
    expect(layout.rows.map((r) => r.key)).toEqual(['b', 'c']);
    expect(layout.axisMax).toBe(40);
    expect(layout.rows[0]).toMatchObject({ barX: 200, barWidth: 300, y: 36, barHeight: 28 });
    expect(layout.rows[1]?.barWidth).toBe(187.5);
    expect(layout.height).toBe(110);
  });

  it('lays out no rows for no data and a lone zero without a bar [R-RECON]', () => {
    expect(layoutHBars([], box).rows).toEqual([]);
    const zero = layoutHBars([{ key: 'z', label: 'z', value: 0 }], box);
    expect(zero.rows[0]?.barWidth).toBe(0);
    expect(zero.axisMax).toBe(1);
  });
});

describe('catalog share bar', () => {
  it('fills to the share and marks the 70% line [R-CATALOG]', () => {
    expect(layoutShare(0.5, 0.7, 10, 500)).toEqual({
      share: 0.5,
      fillWidth: 250,
      thresholdX: 360,
      meets: false,
    });
    expect(layoutShare(0.7, 0.7, 0, 100).meets).toBe(true);
    expect(layoutShare(1.4, 0.7, 0, 100).fillWidth).toBe(100);
    expect(layoutShare(Number.NaN, 0.7, 0, 100)).toMatchObject({ share: 0, meets: false });
  });

  it('never shows a miss as the 70% it did not reach [R-CATALOG]', () => {
    expect(formatShare(0.6999)).toBe('69.9%');
    expect(formatShare(0.7)).toBe('70.0%');
    expect(formatShare(0.73456)).toBe('73.4%');
    expect(formatShare(1)).toBe('100.0%');
    expect(formatShare(0)).toBe('0.0%');
  });
});
