import { describe, expect, it } from 'vitest';
import { fastLn } from './fast-log.js';

describe('fastLn', () => {
  it('matches Math.log to 1e-4 over the range the onset detector uses', () => {
    let worst = 0;
    for (let x = 1; x < 1e4; x *= 1.0137) worst = Math.max(worst, Math.abs(fastLn(x) - Math.log(x)));
    expect(worst).toBeLessThan(1e-4);
  });

  it('is monotonic, also across powers of two', () => {
    expect(Math.abs(fastLn(1))).toBeLessThan(1e-4);
    let previous = Number.NEGATIVE_INFINITY;
    for (let x = 1; x <= 64; x += 1 / 64) {
      const y = fastLn(x);
      expect(y).toBeGreaterThanOrEqual(previous);
      previous = y;
    }
  });
});
