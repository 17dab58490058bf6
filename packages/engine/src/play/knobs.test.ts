import { describe, expect, it } from 'vitest';
import {
  balanceGains,
  discretePosition,
  EFFECTS_PRESETS,
  effects,
  effectsPresetValue,
  keyboardSound,
  knobText,
  knobValue,
  masterDb,
  positionValue,
  sectionAt,
} from './knobs.js';

describe('knob mappings', () => {
  it('clamps, rounds and treats NaN as zero', () => {
    expect(knobValue(-5)).toBe(0);
    expect(knobValue(200)).toBe(127);
    expect(knobValue(63.6)).toBe(64);
    expect(knobValue(Number.NaN)).toBe(0);
  });

  it('splits the travel into equal discrete positions, and snaps back to each', () => {
    for (const count of [3, 4, 5]) {
      const seen = new Set<number>();
      for (let v = 0; v <= 127; v++) seen.add(discretePosition(v, count));
      expect([...seen]).toEqual([...Array(count).keys()]);
      for (let i = 0; i < count; i++) expect(discretePosition(positionValue(i, count), count)).toBe(i);
    }
  });

  it('maps the mix knob from silence through −60 dB and unity to +6 dB', () => {
    expect(masterDb(0)).toBe(Number.NEGATIVE_INFINITY);
    expect(masterDb(1)).toBeCloseTo(-60, 9);
    expect(masterDb(100)).toBeCloseTo(0, 9);
    expect(masterDb(127)).toBeCloseTo(6, 9);
    for (let v = 2; v <= 127; v++) expect(masterDb(v)).toBeGreaterThan(masterDb(v - 1));
    expect(knobText('mixBalance', 100)).toBe('+0.0 dB');
  });

  it('balances backing against the live input', () => {
    expect(balanceGains(0)).toEqual({ backing: 1, live: 1 });
    expect(balanceGains(-1)).toEqual({ backing: 1, live: 0 });
    expect(balanceGains(1)).toEqual({ backing: 0, live: 1 });
    expect(balanceGains(0.5).backing).toBeCloseTo(0.5, 12);
  });

  it('lands exactly on each effects preset at its position and glides between them', () => {
    EFFECTS_PRESETS.forEach((p, i) => {
      const e = effects(effectsPresetValue(i));
      expect(e.name).toBe(p.name);
      expect(e.reverbMix).toBeCloseTo(p.reverbMix, 2);
    });
    const mid = effects(Math.round((effectsPresetValue(1) + effectsPresetValue(2)) / 2));
    expect(mid.reverbMix).toBeGreaterThan(EFFECTS_PRESETS[1].reverbMix);
    expect(mid.reverbMix).toBeLessThan(EFFECTS_PRESETS[2].reverbMix);
  });

  it('sweeps the keyboard sound from dark to bright continuously', () => {
    let last = keyboardSound(0);
    for (let v = 1; v <= 127; v++) {
      const s = keyboardSound(v);
      expect(s.brightness).toBeGreaterThan(last.brightness);
      expect(Math.abs(s.warmth - last.warmth)).toBeLessThan(0.02);
      last = s;
    }
  });

  it('reads the arrangement knob as the five sections in order, and names tracks', () => {
    expect([0, 30, 60, 90, 127].map(sectionAt)).toEqual(['intro', 'verse', 'chorus', 'bridge', 'outro']);
    expect(knobText('trackSelector', 127, ['Chill Beats', 'Electronic', 'Acoustic'])).toBe('Acoustic');
    expect(knobText('arrangement', 64)).toBe('Chorus');
  });
});
