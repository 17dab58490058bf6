import { describe, expect, it } from 'vitest';
import { AnalogSynth } from './analog-synth.js';
import { FmKeys } from './fm-keys.js';
import { renderOffline, type TimedNote } from './offline-render.js';

const FS = 48_000;
const BLOCK = 128;

/** Largest sample-to-sample step in x[from, to). */
function maxJump(x: Float32Array, from: number, to: number): number {
  let m = 0;
  for (let i = Math.max(1, from); i < Math.min(to, x.length); i++) m = Math.max(m, Math.abs(x[i] - x[i - 1]));
  return m;
}

// Triangle through a low cutoff: a smooth waveform, so a cut-off voice would stand out as a step.
const smoothPatch = { filterEnvOctaves: 0, resonance: 0, velocityToFilter: 0, noiseLevel: 0 };
const smoothSound = { tone: 0, brightness: 0.4, attack: 0, release: 0.5 };
const STEP = 2400;
const notes: TimedNote[] = [40, 47, 52, 55, 59, 62, 64, 67, 71, 74].map((note, i) => ({
  frame: 1000 + i * STEP,
  type: 'on',
  note,
  velocity: 120,
}));

/** Max jump in the windows where a stolen voice hands over, and elsewhere once all voices sound. */
function stealJumps(stealFadeSeconds: number): { inSteal: number; normal: number; maxActive: number } {
  const synth = new AnalogSynth({
    sampleRate: FS,
    preset: 'bass',
    polyphony: 4,
    stealFadeSeconds,
    patch: smoothPatch,
    sound: smoothSound,
  });
  const frames = 1000 + notes.length * STEP;
  const left = new Float32Array(frames);
  const right = new Float32Array(frames);
  let maxActive = 0;
  for (let start = 0; start < frames; start += BLOCK) {
    for (const e of notes)
      if (e.frame >= start && e.frame < start + BLOCK) synth.noteOn(e.note, 120, e.frame - start);
    synth.process(left, right, start, Math.min(BLOCK, frames - start));
    maxActive = Math.max(maxActive, synth.activeVoices());
  }
  let inSteal = 0;
  let normal = 0;
  for (let i = 4; i < notes.length; i++) {
    const t = notes[i].frame;
    inSteal = Math.max(inSteal, maxJump(left, t, t + 600));
    normal = Math.max(normal, maxJump(left, t + 600, t + STEP));
  }
  return { inSteal, normal, maxActive };
}

describe('voice allocation', () => {
  it('steals without a click and never exceeds the polyphony', () => {
    const { inSteal, normal, maxActive } = stealJumps(0.003);
    expect(maxActive).toBe(4);
    expect(inSteal).toBeLessThan(1.5 * normal);
  });

  it('would click without the steal fade (the measure can fail)', () => {
    const { inSteal, normal } = stealJumps(0);
    expect(inSteal).toBeGreaterThan(1.5 * normal);
  });

  it('retriggers a held note in its own voice, smoothly', () => {
    const synth = new AnalogSynth({ sampleRate: FS, preset: 'bass', patch: smoothPatch, sound: smoothSound });
    const hits: TimedNote[] = [0, 3000, 6000, 9000, 12000].map((frame, i) => ({
      frame,
      type: 'on',
      note: 45,
      velocity: i % 2 ? 60 : 127,
    }));
    const { left } = renderOffline(synth, hits, 15000);
    expect(synth.activeVoices()).toBe(1);
    const steady = maxJump(left, 1000, 3000);
    for (const h of hits.slice(1)) expect(maxJump(left, h.frame, h.frame + 500)).toBeLessThan(1.5 * steady);
  });

  it('releases the right voice on note-off and ignores unknown notes', () => {
    const synth = new FmKeys({ sampleRate: FS, preset: 'organ', sound: { release: 0 } });
    renderOffline(
      synth,
      [
        { frame: 0, type: 'on', note: 60, velocity: 100 },
        { frame: 0, type: 'on', note: 64, velocity: 100 },
        { frame: 1000, type: 'off', note: 60 },
        { frame: 1000, type: 'off', note: 61 },
      ],
      FS / 4,
    );
    expect(synth.activeVoices()).toBe(1);
  });

  it('changes controls without clicks (smoothed)', () => {
    // A click is a step: it shows in the second difference, which a smooth waveform keeps small.
    const curvature = (x: Float32Array, from: number, to: number) => {
      let m = 0;
      for (let i = from + 2; i < to; i++) m = Math.max(m, Math.abs(x[i] - 2 * x[i - 1] + x[i - 2]));
      return m;
    };
    const low = { tone: 0, brightness: 0, warmth: 0 };
    const high = { tone: 1, brightness: 0.8, warmth: 1 };
    const synth = new FmKeys({ sampleRate: FS, preset: 'organ', sound: low });
    const frames = FS;
    const left = new Float32Array(frames);
    const right = new Float32Array(frames);
    synth.noteOn(60, 100);
    const period = 128 * 37;
    let atChanges = 0;
    let steady = 0;
    for (let start = 0; start < frames; start += BLOCK) {
      if (start >= period && start % period === 0) synth.setParams((start / period) % 2 ? high : low);
      synth.process(left, right, start, BLOCK);
    }
    for (let t = period; t + period <= frames; t += period) {
      atChanges = Math.max(atChanges, curvature(left, t - 4, t + 2000));
      steady = Math.max(steady, curvature(left, t + 2000, t + period));
    }
    // In between, both operator pairs sound at once and drive the saturator harder: a little more
    // curvature is the sound, a step (≈0.4 here without smoothing) is a click.
    expect(atChanges).toBeLessThan(1.5 * steady);
  });
});
