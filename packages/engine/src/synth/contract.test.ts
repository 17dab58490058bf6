import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../test-support/random.js';
import { createInstrument, NATIVE_INSTRUMENTS } from './instrument-catalog.js';
import { renderOffline } from './offline-render.js';
import type { Instrument } from './types.js';

/**
 * The contract every native instrument and preset keeps (after Tone.js's shared instrument suites):
 * silence in → silence out, a finite and bounded note, stability under parameter jumps, a release that
 * ends in exact silence, and no denormal values on the way there.
 */
const FS = 48_000;
const BLOCK = 128;
/** A note each instrument surely plays (drums: the kick, GM 36). */
const noteFor = (name: string) => (name === 'drums' ? 36 : 60);

function peakOf(...xs: Float32Array[]): number {
  let peak = 0;
  for (const x of xs) for (let i = 0; i < x.length; i++) peak = Math.max(peak, Math.abs(x[i]));
  return peak;
}

function allFinite(x: Float32Array): boolean {
  for (let i = 0; i < x.length; i++) if (!Number.isFinite(x[i])) return false;
  return true;
}

/** Renders block by block until the instrument has no active voice (or `maxSeconds`), returns the tail. */
function renderUntilSilent(instr: Instrument, maxSeconds: number): { tail: Float32Array[]; seconds: number } {
  const l = new Float32Array(BLOCK);
  const r = new Float32Array(BLOCK);
  const tail: Float32Array[] = [];
  let frames = 0;
  while (instr.activeVoices() > 0 && frames < maxSeconds * FS) {
    l.fill(0);
    r.fill(0);
    instr.process(l, r, 0, BLOCK);
    tail.push(l.slice(), r.slice());
    frames += BLOCK;
  }
  return { tail, seconds: frames / FS };
}

describe.each(NATIVE_INSTRUMENTS)('instrument contract: %s', (name) => {
  it('turns silence into exact silence', () => {
    const instr = createInstrument(name, FS);
    const { left, right } = renderOffline(instr, [], FS);
    expect(peakOf(left, right)).toBe(0);
  });

  it('adds to the buffer it is given', () => {
    const a = createInstrument(name, FS);
    const b = createInstrument(name, FS);
    const note = noteFor(name);
    const base = new Float32Array(BLOCK * 40).fill(0.25);
    const l = base.slice();
    const r = base.slice();
    a.noteOn(note, 100);
    a.process(l, r, 0, l.length);
    const { left } = renderOffline(b, [{ frame: 0, type: 'on', note, velocity: 100 }], l.length, l.length);
    for (let i = 0; i < l.length; i++) expect(l[i]).toBeCloseTo(0.25 + left[i], 6);
  });

  it('plays a finite note below full scale at velocity 127', () => {
    const instr = createInstrument(name, FS);
    const note = noteFor(name);
    const { left, right } = renderOffline(
      instr,
      [
        { frame: 0, type: 'on', note, velocity: 127 },
        { frame: FS, type: 'off', note },
      ],
      FS * 1.5,
    );
    expect(allFinite(left) && allFinite(right)).toBe(true);
    const peak = peakOf(left, right);
    expect(peak).toBeGreaterThan(0.05);
    expect(peak).toBeLessThan(1);
  });

  it('stays finite and bounded when every control jumps every block', () => {
    const instr = createInstrument(name, FS);
    const rnd = mulberry32(0x5eed);
    const l = new Float32Array(BLOCK);
    const r = new Float32Array(BLOCK);
    let peak = 0;
    const notes = name === 'drums' ? [36, 38, 42, 46, 49, 51, 39, 45] : [36, 48, 55, 60, 64, 67, 72, 84];
    for (let b = 0; b < (2 * FS) / BLOCK; b++) {
      if (b % 20 === 0)
        instr.noteOn(notes[(b / 20) % notes.length], 1 + Math.floor(rnd() * 127), Math.floor(rnd() * BLOCK));
      if (b % 20 === 10) instr.noteOff(notes[((b - 10) / 20) % notes.length], Math.floor(rnd() * BLOCK));
      instr.setParams({
        tone: rnd(),
        warmth: rnd(),
        brightness: rnd(),
        attack: rnd(),
        decay: rnd(),
        release: rnd(),
      });
      l.fill(0);
      r.fill(0);
      instr.process(l, r, 0, BLOCK);
      expect(allFinite(l) && allFinite(r)).toBe(true);
      peak = Math.max(peak, peakOf(l, r));
    }
    // Several voices may sum; each is bounded by its soft clipper, so the sum stays within a few units.
    expect(peak).toBeLessThan(4);
    expect(peak).toBeGreaterThan(0);
  });

  it('decays to exact silence after allNotesOff, without denormal values on the way', () => {
    const instr = createInstrument(name, FS);
    const notes = name === 'drums' ? [36, 38, 46, 49, 51] : [48, 55, 60, 64];
    renderOffline(
      instr,
      notes.map((note, i) => ({ frame: i * 100, type: 'on' as const, note, velocity: 110 })),
      FS / 2,
    );
    instr.allNotesOff();
    const { tail, seconds } = renderUntilSilent(instr, 10);
    expect(instr.activeVoices()).toBe(0);
    expect(seconds).toBeLessThan(10);
    for (const block of tail) {
      for (let i = 0; i < block.length; i++) {
        const a = Math.abs(block[i]);
        if (a !== 0 && a < 1e-30) expect.fail(`denormal-range sample ${block[i]}`);
      }
    }
    const after = renderOffline(instr, [], FS / 2);
    expect(peakOf(after.left, after.right)).toBe(0);
  });

  it('never sounds more voices than its polyphony', () => {
    const instr = createInstrument(name, FS);
    const l = new Float32Array(BLOCK);
    const r = new Float32Array(BLOCK);
    for (let b = 0; b < 200; b++) {
      instr.noteOn(name === 'drums' ? [36, 38, 42, 49, 51][b % 5] : 40 + ((b * 7) % 40), 100, 17);
      instr.process(l, r, 0, BLOCK);
      expect(instr.activeVoices()).toBeLessThanOrEqual(instr.polyphony);
    }
  });
});
