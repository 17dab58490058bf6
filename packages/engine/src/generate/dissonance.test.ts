import { describe, expect, it } from 'vitest';
import { sectionDissonance } from './dissonance.js';
import type { ArrangedSection, GeneratedNote } from './types.js';

const note = (beat: number, pitch: number, duration = 4): GeneratedNote => ({
  beat,
  duration,
  pitch,
  velocity: 90,
});

function section(parts: Record<string, GeneratedNote[]>): ArrangedSection {
  return {
    name: 'verse',
    startBar: 0,
    bars: 1,
    chords: [{ beat: 0, beats: 4, root: 0, quality: 'maj7', label: 'Cmaj7' }],
    parts: Object.entries(parts).map(([part, notes]) => ({ part: part as 'bass', notes })),
  };
}

describe('dissonance measure', () => {
  it('counts nothing dissonant when every note is a chord tone, the maj7 rub included', () => {
    const r = sectionDissonance(
      section({ bass: [note(0, 36)], keys: [note(0, 59), note(0, 64)], pad: [note(0, 60)] }),
    );
    expect(r.pairs).toBe(5);
    expect(r.dissonant).toBe(0);
  });

  it('flags a note outside the chord and its tensions', () => {
    // F# over Cmaj7 is neither a chord tone nor an available tension here.
    const r = sectionDissonance(section({ bass: [note(0, 36)], lead: [note(0, 66)] }));
    expect(r.pairs).toBe(1);
    expect(r.dissonant).toBe(1);
    expect(r.share).toBe(1);
  });

  it('flags a tension a semitone from another part’s note, and ignores parts that do not overlap', () => {
    // D (the ninth, allowed) against C# would clash, but C# is outside anyway; D against Eb likewise.
    const rub = sectionDissonance(section({ keys: [note(0, 62)], lead: [note(0, 63)] }));
    expect(rub.dissonant).toBe(1);
    const apart = sectionDissonance(section({ keys: [note(0, 60, 1)], lead: [note(2, 66, 1)] }));
    expect(apart.pairs).toBe(0);
  });

  it('does not count drums or notes within one part', () => {
    const r = sectionDissonance(section({ drums: [note(0, 37)], keys: [note(0, 60), note(0, 61)] }));
    expect(r.pairs).toBe(0);
  });
});
