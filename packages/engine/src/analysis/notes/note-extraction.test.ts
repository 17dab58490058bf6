// Basic Pitch's own decoder, straight from the package, as the reference for our port.
import { outputToNotesPoly } from '@spotify/basic-pitch/cjs/toMidi.js';
import { describe, expect, it } from 'vitest';
import { mulberry32 as rng } from '../../test-support/random.js';
import { N_PITCHES } from './constants.js';
import { DEFAULT_NOTE_EXTRACTION, extractNotes } from './note-extraction.js';

/** Activations that look like the network's: sustained notes with onset spikes, noise, some onset-less notes. */
function fakeActivations(nFrames: number, seed: number) {
  const random = rng(seed);
  const frames = new Float32Array(nFrames * N_PITCHES);
  const onsets = new Float32Array(nFrames * N_PITCHES);
  for (let i = 0; i < frames.length; i++) {
    frames[i] = 0.25 * random() ** 3;
    onsets[i] = 0.3 * random() ** 4;
  }
  for (let n = 0; n < nFrames / 8; n++) {
    const p = 20 + Math.floor(random() * 50);
    const start = Math.floor(random() * nFrames);
    const length = 3 + Math.floor(random() * 60);
    const level = 0.3 + 0.7 * random();
    for (let t = start; t < Math.min(nFrames, start + length); t++) {
      frames[t * N_PITCHES + p] = Math.max(frames[t * N_PITCHES + p], level * (0.8 + 0.2 * random()));
      // A neighbour bleeding in, as the network's outputs do.
      if (p + 1 < N_PITCHES) frames[t * N_PITCHES + p + 1] += 0.2 * random();
    }
    if (random() < 0.8) onsets[start * N_PITCHES + p] = 0.5 + 0.5 * random();
  }
  return { frames, onsets };
}

const toRows = (m: Float32Array, nFrames: number): number[][] =>
  Array.from({ length: nFrames }, (_, t) => Array.from(m.subarray(t * N_PITCHES, (t + 1) * N_PITCHES)));

describe('extractNotes', () => {
  it.each([
    [300, 1],
    [300, 2],
    [1000, 3],
    [40, 4],
  ])('matches Basic Pitch outputToNotesPoly (%i frames, seed %i)', (nFrames, seed) => {
    const { frames, onsets } = fakeActivations(nFrames, seed);
    const o = DEFAULT_NOTE_EXTRACTION;
    const reference = outputToNotesPoly(
      toRows(frames, nFrames),
      toRows(onsets, nFrames),
      o.onsetThreshold,
      o.frameThreshold,
      o.minNoteFrames,
      o.inferOnsets,
      null,
      null,
      o.melodiaTrick,
      o.energyTolerance,
    );
    const ours = extractNotes(frames, onsets, nFrames);
    expect(reference.length).toBeGreaterThan(0);
    expect(ours.map((n) => [n.startFrame, n.durationFrames, n.pitchIndex + 21])).toEqual(
      reference.map((n) => [n.startFrame, n.durationFrames, n.pitchMidi]),
    );
    ours.forEach((n, i) => {
      expect(n.amplitude).toBeCloseTo(reference[i].amplitude, 12);
    });
  });

  it('leaves its inputs untouched and finds nothing in silence', () => {
    const frames = new Float32Array(200 * N_PITCHES);
    const onsets = new Float32Array(200 * N_PITCHES);
    expect(extractNotes(frames, onsets, 200)).toEqual([]);
    const act = fakeActivations(200, 9);
    const before = act.frames.slice();
    extractNotes(act.frames, act.onsets, 200);
    expect(act.frames).toEqual(before);
  });
});
