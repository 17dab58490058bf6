import { describe, expect, it } from 'vitest';
import { pinkNoise, whiteNoise } from '../test-support/metrics.js';
import { progression, renderSong } from '../test-support/render-song.js';
import { analyzeClip } from './analyze.js';
import { AnalysisError } from './errors.js';
import type { PcmAudio } from './types.js';

const SR = 48000;
const song = renderSong({
  bpm: 110,
  beatsPerBar: 4,
  subdivision: 2,
  progression: progression('A', 'minor', 4),
  bars: 8,
});

function expectError(audio: PcmAudio, code: string, message: RegExp) {
  try {
    analyzeClip(audio);
  } catch (e) {
    expect(e).toBeInstanceOf(AnalysisError);
    expect((e as AnalysisError).code).toBe(code);
    expect((e as AnalysisError).message).toMatch(message);
    return;
  }
  throw new Error(`expected AnalysisError ${code}`);
}

describe('input that cannot be analysed gets a typed error', () => {
  it('under one second', () => {
    expectError(
      { channels: [new Float32Array(SR * 0.5)], sampleRate: SR },
      'too_short',
      /0\.50 s.*at least 1 s/,
    );
  });
  it('over thirty seconds', () => {
    expectError(
      { channels: [new Float32Array(SR * 31)], sampleRate: SR },
      'too_long',
      /31\.0 s.*at most 30 s/,
    );
  });
  it('NaN and Infinity', () => {
    const x = song.channels[0].slice();
    x[48000] = Number.NaN;
    x[48001] = Number.POSITIVE_INFINITY;
    expectError({ channels: [x], sampleRate: SR }, 'non_finite_samples', /2 NaN or infinite.*1\.000 s/);
  });
  it('a sample rate outside 22.05-96 kHz', () => {
    expectError(
      { channels: [new Float32Array(8000 * 5)], sampleRate: 8000 },
      'unsupported_sample_rate',
      /8000 Hz/,
    );
  });
  it('no channels, too many channels, or ragged channels', () => {
    expectError({ channels: [], sampleRate: SR }, 'empty_input', /no audio channels/);
    const c = new Float32Array(SR * 2);
    expectError({ channels: [c, c, c], sampleRate: SR }, 'bad_channels', /3 channels/);
    expectError({ channels: [c, new Float32Array(10)], sampleRate: SR }, 'bad_channels', /equal length/);
  });
});

describe('input without music gets a clear answer, not a made-up tempo', () => {
  it('digital silence', () => {
    const r = analyzeClip({
      channels: [new Float32Array(SR * 20), new Float32Array(SR * 20)],
      sampleRate: SR,
    });
    expect(r.status).toBe('no_musical_content');
    if (r.status === 'no_musical_content') {
      expect(r.reason).toBe('silence');
      expect(r.loudness.lufs).toBe(Number.NEGATIVE_INFINITY);
    }
    expect('tempo' in r).toBe(false);
  });
  it('a muted input: hiss at -70 dBFS', () => {
    const r = analyzeClip({ channels: [whiteNoise(SR * 10, 10 ** (-70 / 20))], sampleRate: SR });
    expect(r.status).toBe('no_musical_content');
  });
  it('white noise', () => {
    const r = analyzeClip({ channels: [whiteNoise(SR * 10, 0.5)], sampleRate: SR });
    expect(r).toMatchObject({ status: 'no_musical_content', reason: 'noise' });
  });
  it('pink noise', () => {
    const r = analyzeClip({ channels: [pinkNoise(SR * 10, 0.5)], sampleRate: SR });
    expect(r).toMatchObject({ status: 'no_musical_content', reason: 'noise' });
  });
});

describe('flawed but musical input is analysed, with a warning', () => {
  it('a DC offset is removed and reported; the caller’s buffer is untouched', () => {
    const left = song.channels[0].map((v) => v * 0.5 + 0.2);
    const copy = left.slice();
    const r = analyzeClip({ channels: [left], sampleRate: SR });
    expect(r.status).toBe('ok');
    expect(r.warnings.map((w) => w.code)).toContain('dc_offset');
    if (r.status === 'ok') expect(r.tempo.bpm).toBeCloseTo(110, 0);
    expect(left).toEqual(copy);
  });
  it('hard clipping is reported and the tempo and key still come through', () => {
    const clipped = song.channels.map((c) => c.map((v) => Math.max(-1, Math.min(1, v * 6))));
    const r = analyzeClip({ channels: clipped, sampleRate: SR });
    expect(r.status).toBe('ok');
    expect(r.warnings.map((w) => w.code)).toContain('clipping');
    if (r.status === 'ok') {
      expect(r.tempo.bpm).toBeCloseTo(110, 0);
      expect(r.key.label).toBe('A minor');
    }
  });
  it('a quiet recording is analysed and flagged', () => {
    const quiet = song.channels.map((c) => c.map((v) => v * 0.003));
    const r = analyzeClip({ channels: quiet, sampleRate: SR });
    expect(r.status).toBe('ok');
    expect(r.warnings.map((w) => w.code)).toContain('low_level');
  });
});
