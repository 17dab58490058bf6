import { describe, expect, it } from 'vitest';
import { labelOverlap } from '../test-support/metrics.js';
import { type NoteName, progression, renderSong, type SongChord } from '../test-support/render-song.js';
import { analyzeClip } from './analyze.js';
import type { MusicAnalysis } from './types.js';

function analyse(chords: SongChord[], opts: { bpm?: number; detuneCents?: number; drums?: boolean } = {}) {
  const song = renderSong({
    bpm: opts.bpm ?? 100,
    beatsPerBar: 4,
    subdivision: 2,
    progression: chords,
    bars: 8,
    drums: opts.drums,
    detuneCents: opts.detuneCents,
  });
  const result = analyzeClip({ channels: song.channels, sampleRate: song.sampleRate });
  expect(result.status).toBe('ok');
  return { song, result: result as MusicAnalysis };
}

describe('key', () => {
  const cases: [NoteName, 'major' | 'minor'][] = [
    ['C', 'major'],
    ['D', 'major'],
    ['Eb', 'major'],
    ['A', 'minor'],
    ['F#', 'minor'],
    ['G', 'minor'],
  ];
  for (const [tonic, mode] of cases) {
    it(`finds ${tonic} ${mode}`, () => {
      const { result } = analyse(progression(tonic, mode, 4));
      expect(result.key.label).toBe(`${tonic} ${mode}`);
      expect(result.key.confidence).toBeGreaterThan(0.3);
    });
  }

  it('copes with an instrument tuned 30 cents flat', () => {
    const { result } = analyse(progression('E', 'major', 4), { detuneCents: -30 });
    expect(result.key.label).toBe('E major');
  });
});

describe('chords', () => {
  it('labels a pop progression on the beat grid', () => {
    const { song, result } = analyse(progression('C', 'major', 4), { bpm: 96 });
    expect(labelOverlap(result.chords, song.chords)).toBeGreaterThan(0.8);
    // Snapped to the grid: every chord starts on a detected beat.
    for (const c of result.chords)
      expect(result.tempo.beats.some((b) => Math.abs(b - c.start) < 1e-9)).toBe(true);
  });

  it('tells sevenths, diminished and suspended chords apart', () => {
    const chords: SongChord[] = [
      { root: 'D', quality: 'min7', beats: 4 },
      { root: 'G', quality: '7', beats: 4 },
      { root: 'C', quality: 'maj7', beats: 4 },
      { root: 'B', quality: 'dim', beats: 4 },
      { root: 'A', quality: 'sus4', beats: 4 },
      { root: 'A', quality: 'min', beats: 4 },
    ];
    const { song, result } = analyse(chords, { drums: false });
    expect(labelOverlap(result.chords, song.chords)).toBeGreaterThan(0.7);
    const labels = new Set(result.chords.map((c) => c.label));
    for (const want of ['Dm7', 'G7', 'Cmaj7', 'Bdim', 'Asus4']) expect(labels).toContain(want);
  });
});
