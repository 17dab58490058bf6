import { describe, expect, it } from 'vitest';
import {
  bassLine,
  CHORD_START,
  isBassTrack,
  isCompTrack,
  learnBass,
  learnComp,
  learnDrums,
  type SourceSong,
} from './learn-grooves.js';
import type { NoteTrack } from './midi-tracks.js';

// One tick per step: 16 ticks a bar of 16 steps.
const meter = { beatsPerBar: 4, stepsPerBar: 16, ticksPerBar: 16 };
const track = (name: string, channel: number, notes: [number, number, number][]): NoteTrack => ({
  name,
  channel,
  notes: notes.map(([tick, note, velocity]) => ({ tick, note, velocity })),
});

const drumSong: SourceSong = {
  name: 'two bars',
  roots: [0, 7],
  tracks: [
    track('Drum', 9, [
      [0, 36, 100],
      [4, 38, 60],
      [8, 36, 80],
      [12, 38, 60],
      [12, 81, 90], // triangle: no voice, dropped
      [16, 36, 90],
      [20, 38, 60],
      [28, 38, 60],
    ]),
  ],
};
const congaSong: SourceSong = { name: 'one bar', roots: [0], tracks: [track('Drum', 9, [[0, 63, 70]])] };

describe('learnDrums', () => {
  it('learns step probabilities and mean velocities over all bars of the family', () => {
    const m = learnDrums([drumSong, congaSong], meter);
    expect(m.sources).toEqual(['two bars', 'one bar']);
    expect(Object.keys(m.voices)).toEqual(['kick', 'snare', 'conga']);
    expect(m.voices.kick?.p.slice(0, 9)).toEqual([0.667, 0, 0, 0, 0, 0, 0, 0, 0.333]);
    expect(m.voices.kick?.velocity[0]).toBe(95);
    expect(m.voices.kick?.velocity[8]).toBe(80);
    expect(m.voices.snare?.p[4]).toBe(0.667);
    expect(m.voices.conga?.p[0]).toBe(0.333);
    expect(m.voices.conga?.velocity[0]).toBe(70);
    expect(m.voices.conga?.velocity[1]).toBe(0);
  });

  it('counts whole-bar masks, silent bars included, most frequent first', () => {
    const m = learnDrums([drumSong, congaSong], meter);
    expect(m.bars.kick).toEqual([
      [0, 1],
      [1, 1],
      [257, 1],
    ]);
    expect(m.bars.snare).toEqual([
      [4112, 2],
      [0, 1],
    ]);
    expect(m.bars.conga).toEqual([
      [0, 2],
      [1, 1],
    ]);
  });
});

const bassSong: SourceSong = {
  name: 'bass',
  roots: [0, 7],
  tracks: [
    track('Bass', 1, [
      [0, 36, 100],
      [8, 43, 100],
      [16, 43, 90],
      [24, 47, 90],
    ]),
    track('Walk', 2, [[24, 40, 70]]),
    track('Bass-Lead', 3, [[4, 40, 100]]),
    track('Chord', 4, [
      [0, 60, 80],
      [0, 64, 80],
      [0, 67, 80],
      [4, 60, 60],
    ]),
    track('Chord-Sus', 5, [[0, 60, 50]]),
    track('Chord-Piano', 6, [[24, 62, 50]]),
  ],
};

describe('track roles', () => {
  it('tells bass and comping tracks by name and register', () => {
    const roles = bassSong.tracks.map((t) => (isBassTrack(t) ? 'bass' : isCompTrack(t) ? 'comp' : '-'));
    expect(roles).toEqual(['bass', 'bass', '-', 'comp', '-', 'comp']);
    expect(isBassTrack(track('Bass-7', 1, [[0, 67, 90]]))).toBe(false);
  });

  it('merges bass tracks, keeping the lowest of simultaneous notes', () => {
    expect(bassLine(bassSong).map((n) => [n.tick, n.note])).toEqual([
      [0, 36],
      [8, 43],
      [16, 43],
      [24, 40],
    ]);
  });
});

describe('learnBass', () => {
  it('learns the rhythm and the interval chain above each bar’s root', () => {
    const m = learnBass([bassSong], meter);
    expect(m.rhythm.p[0]).toBe(1);
    expect(m.rhythm.p[8]).toBe(1);
    expect(m.rhythm.p[4]).toBe(0);
    expect(m.rhythm.velocity[8]).toBe(85);
    expect(m.transitions).toHaveLength(13);
    expect(m.transitions[CHORD_START][0]).toBe(2);
    expect(m.transitions[0][7]).toBe(1);
    // E (40) over the G chord of bar 2 is a major sixth above its root
    expect(m.transitions[0][9]).toBe(1);
    expect(m.transitions.flat().reduce((a, b) => a + b, 0)).toBe(4);
  });
});

describe('learnComp', () => {
  it('treats each comping track as a player and each bar as a sample', () => {
    const m = learnComp([bassSong], meter);
    expect(m.sources).toEqual(['bass']);
    expect(m.rhythm.p[0]).toBe(0.25);
    expect(m.rhythm.p[4]).toBe(0.25);
    expect(m.rhythm.p[8]).toBe(0.25);
    expect(m.rhythm.velocity[0]).toBe(80);
    expect(m.rhythm.p.reduce((a, b) => a + b, 0)).toBeCloseTo(0.75, 10);
  });
});
