import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../test-support/random.js';
import { createInstrument, NATIVE_INSTRUMENTS } from './instrument-catalog.js';
import { renderOffline, type TimedNote } from './offline-render.js';

const FS = 48_000;

/** Ten seconds of seeded notes and releases, chords and repeats included. */
function song(drums: boolean): TimedNote[] {
  const rnd = mulberry32(1234);
  const events: TimedNote[] = [];
  const pool = drums
    ? [36, 38, 42, 46, 44, 39, 49, 51, 45, 56, 63, 75]
    : [36, 43, 48, 52, 55, 60, 64, 67, 71, 74];
  for (let frame = 0; frame < FS * 9; frame += Math.floor(rnd() * 6000) + 1) {
    const note = pool[Math.floor(rnd() * pool.length)];
    events.push({ frame, type: 'on', note, velocity: 20 + Math.floor(rnd() * 108) });
    events.push({ frame: frame + Math.floor(rnd() * 20000), type: 'off', note });
  }
  return events;
}

describe.each(NATIVE_INSTRUMENTS)('determinism: %s', (name) => {
  it('renders the same in 128-frame blocks, 77-frame blocks and one 10 s block', () => {
    const events = song(name === 'drums');
    const frames = FS * 10;
    const blocks = renderOffline(createInstrument(name, FS), events, frames, 128);
    const odd = renderOffline(createInstrument(name, FS), events, FS * 2, 77);
    const whole = renderOffline(createInstrument(name, FS), events, frames, frames);
    let differ = 0;
    for (let i = 0; i < frames; i++) {
      if (blocks.left[i] !== whole.left[i] || blocks.right[i] !== whole.right[i]) differ++;
      if (i < odd.left.length && odd.left[i] !== whole.left[i]) differ++;
    }
    expect(differ).toBe(0);
    let energy = 0;
    for (let i = 0; i < frames; i++) energy += whole.left[i] * whole.left[i];
    expect(energy).toBeGreaterThan(0);
  });
});
