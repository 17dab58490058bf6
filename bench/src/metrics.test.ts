import { describe, expect, it } from 'vitest';
import { beatFMeasure, keyScore, matchEvents, tempoAcc1, tempoAcc2 } from './metrics.js';

describe('tempo accuracy', () => {
  it('Acc1 accepts ±4 % and nothing else', () => {
    expect(tempoAcc1(120, 120)).toBe(true);
    expect(tempoAcc1(124.8, 120)).toBe(true);
    expect(tempoAcc1(115.2, 120)).toBe(true);
    expect(tempoAcc1(125, 120)).toBe(false);
    expect(tempoAcc1(60, 120)).toBe(false);
    expect(tempoAcc1(Number.NaN, 120)).toBe(false);
  });

  it('Acc2 also accepts double, half, triple and third', () => {
    for (const est of [120, 240, 60, 360, 40, 243, 59]) expect(tempoAcc2(est, 120)).toBe(true);
    for (const est of [90, 180, 80, 150, 0]) expect(tempoAcc2(est, 120)).toBe(false);
    // the tolerance scales with the metrical level: 4 % of 240 is 9.6
    expect(tempoAcc2(249, 120)).toBe(true);
    expect(tempoAcc2(250, 120)).toBe(false);
  });
});

describe('beat F-measure', () => {
  const ref = [0.5, 1, 1.5, 2, 2.5, 3];

  it('is 1 for a perfect estimate and tolerates 70 ms', () => {
    expect(beatFMeasure(ref, ref).f).toBe(1);
    expect(
      beatFMeasure(
        ref.map((t) => t + 0.07),
        ref,
      ).f,
    ).toBe(1);
    expect(
      beatFMeasure(
        ref.map((t) => t - 0.069),
        ref,
      ).f,
    ).toBe(1);
    expect(
      beatFMeasure(
        ref.map((t) => t + 0.08),
        ref,
      ).f,
    ).toBe(0);
  });

  it('counts each reference beat at most once', () => {
    // two estimates near the same reference beat: one match only
    expect(matchEvents([0.98, 1.02], [1])).toBe(1);
    const s = beatFMeasure([0.5, 0.52, 1, 1.5], [0.5, 1, 1.5, 2]);
    expect(s.precision).toBeCloseTo(3 / 4);
    expect(s.recall).toBeCloseTo(3 / 4);
    expect(s.f).toBeCloseTo(0.75);
  });

  it('halves precision at double tempo and recall at half tempo', () => {
    const double = [0.5, 0.75, 1, 1.25, 1.5, 1.75, 2, 2.25, 2.5, 2.75, 3, 3.25];
    const d = beatFMeasure(double, ref);
    expect(d.recall).toBe(1);
    expect(d.precision).toBeCloseTo(0.5);
    expect(d.f).toBeCloseTo(2 / 3);
    const half = [0.5, 1.5, 2.5];
    const h = beatFMeasure(half, ref);
    expect(h.precision).toBe(1);
    expect(h.recall).toBeCloseTo(0.5);
  });

  it('off-beat estimates score 0, empty input scores 0', () => {
    expect(
      beatFMeasure(
        ref.map((t) => t + 0.25),
        ref,
      ).f,
    ).toBe(0);
    expect(beatFMeasure([], ref).f).toBe(0);
    expect(beatFMeasure(ref, []).f).toBe(0);
  });

  it('takes unsorted input', () => {
    expect(beatFMeasure([3, 1, 2, 0.5, 2.5, 1.5], ref).f).toBe(1);
  });
});

describe('key weighted score', () => {
  const k = (tonic: string, mode: string) => ({ tonic, mode });

  it('scores the MIREX relations', () => {
    expect(keyScore(k('C', 'major'), k('C', 'major'))).toBe(1);
    expect(keyScore(k('G', 'major'), k('C', 'major'))).toBe(0.5);
    expect(keyScore(k('F', 'major'), k('C', 'major'))).toBe(0.5);
    expect(keyScore(k('E', 'minor'), k('A', 'minor'))).toBe(0.5);
    expect(keyScore(k('D', 'minor'), k('A', 'minor'))).toBe(0.5);
    expect(keyScore(k('A', 'minor'), k('C', 'major'))).toBe(0.3);
    expect(keyScore(k('C', 'major'), k('A', 'minor'))).toBe(0.3);
    expect(keyScore(k('C', 'minor'), k('C', 'major'))).toBe(0.2);
    expect(keyScore(k('A', 'major'), k('A', 'minor'))).toBe(0.2);
  });

  it('gives nothing for other keys or no estimate', () => {
    expect(keyScore(k('D', 'major'), k('C', 'major'))).toBe(0);
    expect(keyScore(k('G', 'minor'), k('C', 'major'))).toBe(0);
    expect(keyScore(k('E', 'minor'), k('C', 'major'))).toBe(0);
    expect(keyScore(k('Eb', 'minor'), k('C', 'major'))).toBe(0);
    expect(keyScore(null, k('C', 'major'))).toBe(0);
  });

  it('compares enharmonic spellings by pitch class', () => {
    expect(keyScore(k('D#', 'major'), k('Eb', 'major'))).toBe(1);
    expect(keyScore(k('Bb', 'major'), k('A#', 'major'))).toBe(1);
    expect(keyScore(k('F#', 'minor'), k('Gb', 'minor'))).toBe(1);
  });
});
