import { describe, expect, it } from 'vitest';
import { maskSteps, stepBeat, swingPosition } from './grid.js';

describe('swing and grid positions', () => {
  it('leaves straight feel and on-beats alone', () => {
    expect(swingPosition(1.5, { unit: 'none', ratio: 1 })).toBe(1.5);
    expect(swingPosition(2, { unit: 'eighth', ratio: 2 })).toBe(2);
  });

  it('delays the off-beat eighth to two thirds of the beat at a 2:1 swing', () => {
    expect(swingPosition(1.5, { unit: 'eighth', ratio: 2 })).toBeCloseTo(1 + 2 / 3, 12);
    // Sixteenths are not moved by eighth swing.
    expect(swingPosition(1.25, { unit: 'eighth', ratio: 2 })).toBe(1.25);
  });

  it('swings off-beat sixteenths within each eighth', () => {
    const feel = { unit: 'sixteenth' as const, ratio: 1.5 };
    expect(swingPosition(0.25, feel)).toBeCloseTo(0.5 * 0.6, 12);
    expect(swingPosition(0.75, feel)).toBeCloseTo(0.5 + 0.5 * 0.6, 12);
    expect(swingPosition(0.5, feel)).toBe(0.5);
  });

  it('maps steps to beats and masks to steps', () => {
    expect(stepBeat(4, 16, 4)).toBe(1);
    expect(stepBeat(4, 12, 3)).toBe(1);
    expect(maskSteps(0b10001, 16)).toEqual([0, 4]);
  });
});
