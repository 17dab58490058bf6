import { describe, expect, it } from 'vitest';
import { chooseSteps, meanError, quantise } from './quantise.js';

// 192 ppq, 4/4: a bar is 768 ticks, a sixteenth 48.
const grid = { origin: 0, ticksPerBar: 768, stepsPerBar: 16 };

describe('quantise', () => {
  it('rounds onsets to the nearest step of their bar', () => {
    expect(quantise(0, grid)).toEqual({ bar: 0, step: 0, errorTicks: 0 });
    expect(quantise(48, grid)).toEqual({ bar: 0, step: 1, errorTicks: 0 });
    expect(quantise(390, grid)).toEqual({ bar: 0, step: 8, errorTicks: 6 });
    expect(quantise(768 * 2 + 4 * 48 - 10, grid)).toEqual({ bar: 2, step: 4, errorTicks: -10 });
  });

  it('puts an onset just before the bar line on the next bar', () => {
    expect(quantise(763, grid)).toEqual({ bar: 1, step: 0, errorTicks: -5 });
  });

  it('honours the origin and a 12-step bar', () => {
    const waltz = { origin: 192, ticksPerBar: 576, stepsPerBar: 12 };
    expect(quantise(192 + 576 + 96, waltz)).toEqual({ bar: 1, step: 2, errorTicks: 0 });
    expect(quantise(100, waltz).bar).toBe(-1);
  });

  it('measures the mean absolute error', () => {
    expect(meanError([0, 50, 90], grid)).toBeCloseTo((0 + 2 + 6) / 3, 10);
    expect(meanError([], grid)).toBe(0);
  });
});

describe('chooseSteps', () => {
  it('keeps sixteenths for straight eighths', () => {
    const straight = [0, 96, 192, 288, 384, 480, 576, 672];
    const r = chooseSteps(straight, 0, 768, [16, 12]);
    expect(r.steps).toBe(16);
    expect(r.errors[16]).toBe(0);
  });

  it('takes the triplet grid for swung eighths (the off-beat at 2/3 of the beat)', () => {
    const swung = [0, 128, 192, 320, 384, 512, 576, 704];
    const r = chooseSteps(swung, 0, 768, [16, 12]);
    expect(r.steps).toBe(12);
    expect(r.errors[12]).toBe(0);
    expect(r.errors[16]).toBe(8);
  });
});
