import { describe, expect, it } from 'vitest';
import { beatFMeasure } from '../test-support/metrics.js';
import { progression, renderSong } from '../test-support/render-song.js';
import { analyzeClip } from './analyze.js';
import type { MusicAnalysis } from './types.js';

function analyseSong(spec: Parameters<typeof renderSong>[0]) {
  const song = renderSong(spec);
  const result = analyzeClip({ channels: song.channels, sampleRate: song.sampleRate });
  expect(result.status).toBe('ok');
  return { song, result: result as MusicAnalysis };
}

describe('tempo and beats', () => {
  for (const bpm of [84, 100, 120, 132]) {
    it(`finds ${bpm} BPM and beats on the drummer's hits`, () => {
      const bars = Math.floor(19 / ((4 * 60) / bpm));
      const { song, result } = analyseSong({
        bpm,
        beatsPerBar: 4,
        subdivision: 2,
        progression: progression('G', 'major', 4),
        bars,
        leadIn: 0.23,
      });
      expect(Math.abs(result.tempo.bpm - bpm) / bpm).toBeLessThan(0.02);
      expect(beatFMeasure(result.tempo.beats, song.beats)).toBeGreaterThan(0.95);
      // Beats sit on the onsets, not merely at the right spacing: mean absolute error under 20 ms.
      const errors = result.tempo.beats.map((b) => Math.min(...song.beats.map((g) => Math.abs(g - b))));
      expect(errors.reduce((s, e) => s + e, 0) / errors.length).toBeLessThan(0.02);
      expect(result.tempo.confidence).toBeGreaterThan(0.5);
    });
  }

  it('follows a clip sampled at 44.1 kHz and 96 kHz alike', () => {
    for (const sampleRate of [44100, 96000]) {
      const { result } = analyseSong({
        bpm: 110,
        beatsPerBar: 4,
        subdivision: 2,
        progression: progression('C', 'major', 4),
        bars: 8,
        sampleRate,
      });
      expect(result.tempo.bpm).toBeCloseTo(110, 0);
      expect(result.sampleRate).toBe(sampleRate);
    }
  });
});

describe('meter and downbeats', () => {
  it('reads 4/4 with downbeats on the bar lines', () => {
    const { song, result } = analyseSong({
      bpm: 112,
      beatsPerBar: 4,
      subdivision: 2,
      progression: progression('D', 'major', 4),
      bars: 9,
      leadIn: 0.5,
    });
    expect(result.tempo.timeSignature).toBe('4/4');
    expect(beatFMeasure(result.tempo.downbeats, song.downbeats)).toBeGreaterThan(0.9);
  });

  it('reads 3/4 with downbeats on the bar lines', () => {
    const { song, result } = analyseSong({
      bpm: 96,
      beatsPerBar: 3,
      subdivision: 2,
      progression: progression('F', 'major', 3),
      bars: 10,
      leadIn: 0.3,
    });
    expect(result.tempo.timeSignature).toBe('3/4');
    expect(beatFMeasure(result.tempo.downbeats, song.downbeats)).toBeGreaterThan(0.9);
  });

  it('reads 6/8 (two dotted-quarter beats, each in three) ', () => {
    const { song, result } = analyseSong({
      bpm: 66,
      beatsPerBar: 2,
      subdivision: 3,
      progression: progression('E', 'minor', 2),
      bars: 10,
    });
    expect(result.tempo.timeSignature).toBe('6/8');
    expect(Math.abs(result.tempo.bpm - 66) / 66).toBeLessThan(0.03);
    expect(beatFMeasure(result.tempo.downbeats, song.downbeats)).toBeGreaterThan(0.85);
  });

  it('hears swing: swung eighths read near 2:1, straight ones near 1:1', () => {
    const swung = analyseSong({
      bpm: 120,
      beatsPerBar: 4,
      subdivision: 2,
      swing: 2,
      progression: progression('Bb', 'major', 4),
      bars: 9,
    }).result;
    const straight = analyseSong({
      bpm: 120,
      beatsPerBar: 4,
      subdivision: 2,
      progression: progression('Bb', 'major', 4),
      bars: 9,
    }).result;
    expect(swung.style.features.swingRatio).toBeGreaterThan(1.6);
    expect(straight.style.features.swingRatio).toBeLessThan(1.2);
  });
});
