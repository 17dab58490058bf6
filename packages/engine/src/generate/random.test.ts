import { describe, expect, it } from 'vitest';
import { Rng } from './random.js';

describe('Rng', () => {
  it('repeats the same sequence for the same seed and differs for another', () => {
    const a = new Rng(42);
    const b = new Rng(42);
    const c = new Rng(43);
    const xs = Array.from({ length: 50 }, () => a.next());
    expect(Array.from({ length: 50 }, () => b.next())).toEqual(xs);
    expect(Array.from({ length: 50 }, () => c.next())).not.toEqual(xs);
    for (const x of xs) expect(x >= 0 && x < 1).toBe(true);
  });

  it('forks streams that do not depend on how much of the parent was used', () => {
    const a = new Rng(7);
    const b = new Rng(7);
    for (let i = 0; i < 100; i++) b.next();
    expect(a.fork('bass').next()).toBe(b.fork('bass').next());
    expect(a.fork('bass').next()).not.toBe(a.fork('drums').next());
  });

  it('draws weighted indices in proportion to their weights', () => {
    const r = new Rng(1);
    const counts = [0, 0, 0];
    for (let i = 0; i < 30000; i++) counts[r.weighted([1, 0, 3])]++;
    expect(counts[1]).toBe(0);
    expect(counts[2] / counts[0]).toBeGreaterThan(2.7);
    expect(counts[2] / counts[0]).toBeLessThan(3.3);
    expect(r.weighted([0, 0])).toBe(-1);
  });

  it('is roughly uniform', () => {
    const r = new Rng(99);
    const bins = new Array(10).fill(0);
    for (let i = 0; i < 100000; i++) bins[r.int(10)]++;
    for (const b of bins) expect(Math.abs(b - 10000)).toBeLessThan(450);
  });
});
