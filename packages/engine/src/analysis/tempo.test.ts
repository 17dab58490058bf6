import { describe, expect, it } from 'vitest';
import { rayleighPrior } from './tempo.js';

describe('Rayleigh tempo prior', () => {
  const mode = 60; // frames per beat at the prior's mode

  it('peaks at its mode', () => {
    expect(rayleighPrior(mode, mode)).toBeCloseTo(1, 12);
    expect(rayleighPrior(mode * 0.9, mode)).toBeLessThan(1);
    expect(rayleighPrior(mode * 1.1, mode)).toBeLessThan(1);
  });

  it('favours double tempo over half tempo, so fast pieces are not halved', () => {
    // Half the period (twice the tempo) keeps more weight than twice the period.
    expect(rayleighPrior(mode / 2, mode)).toBeGreaterThan(rayleighPrior(mode * 2, mode));
    expect(rayleighPrior(mode / 2, mode)).toBeCloseTo(0.5 * Math.exp(0.375), 12);
    expect(rayleighPrior(mode * 2, mode)).toBeCloseTo(2 * Math.exp(-1.5), 12);
  });
});
