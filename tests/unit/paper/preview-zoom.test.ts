import { describe, expect, it } from 'vitest';
import { stepZoom, zoomForKey } from '../../../src/renderer/paper/preview-zoom';

describe('paper preview zoom keys', () => {
  it('+ enlarges from fit through the steps and stops at the largest, − goes back to fit, Home fits [R-PAPER-KEEP]', () => {
    expect(zoomForKey('fit', '+')).toBe(1);
    expect(zoomForKey(1, '=')).toBe(1.5);
    expect(stepZoom(4, 1)).toBe(4);
    expect(zoomForKey(1.5, '-')).toBe(1);
    expect(zoomForKey(1, '-')).toBe('fit');
    expect(zoomForKey(3, 'Home')).toBe('fit');
    expect(zoomForKey(3, '0')).toBeNull();
    expect(zoomForKey(2, 'a')).toBeNull();
  });
});
