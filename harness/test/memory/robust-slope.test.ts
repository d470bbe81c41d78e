import { describe, expect, it } from 'vitest';
import { theilSenSlope } from '../../src/memory/robust-slope.js';

describe('theilSenSlope', () => {
  it('fits a straight line exactly', () => {
    expect(theilSenSlope([0, 1, 2, 3, 4].map((x) => ({ x, y: 3 * x + 7 })))).toBe(3);
  });

  it('is not moved by a few outliers, where least squares would be', () => {
    const points = Array.from({ length: 20 }, (_, x) => ({ x, y: 100 * x }));
    points[5] = { x: 5, y: 1e6 };
    points[15] = { x: 15, y: -1e6 };
    expect(theilSenSlope(points)).toBe(100);
  });

  it('is 0 for a flat series and for fewer than two distinct x', () => {
    expect(theilSenSlope([1, 2, 3].map((x) => ({ x, y: 5 })))).toBe(0);
    expect(theilSenSlope([{ x: 1, y: 1 }])).toBe(0);
    expect(theilSenSlope([{ x: 1, y: 1 }, { x: 1, y: 9 }])).toBe(0);
  });
});
