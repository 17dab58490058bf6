import { describe, expect, it } from 'vitest';
import { voiceChord } from './voicing.js';

const pcs = (notes: number[]) => [...new Set(notes.map((n) => n % 12))].sort((a, b) => a - b);

describe('voicing', () => {
  it('voices a close triad in range with the chord tones', () => {
    const v = voiceChord(0, 'maj', 'close', 55, 76, null);
    expect(pcs(v)).toEqual([0, 4, 7]);
    for (const n of v) expect(n >= 55 && n <= 76).toBe(true);
  });

  it('moves by the smallest step to the next chord (voice leading)', () => {
    const c = voiceChord(0, 'maj', 'close', 55, 76, null);
    const f = voiceChord(5, 'maj', 'close', 55, 76, c);
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(Math.abs(mean(f) - mean(c))).toBeLessThanOrEqual(2.5);
  });

  it('leaves the root out of shell voicings of seventh chords and the third out of power chords', () => {
    expect(pcs(voiceChord(2, 'min7', 'shell', 50, 72, null))).toEqual([0, 5]); // F and C over D: b3 and b7
    expect(pcs(voiceChord(4, 'maj', 'power', 40, 64, null))).toEqual([4, 11]);
  });
});
