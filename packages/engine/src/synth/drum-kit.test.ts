import { describe, expect, it } from 'vitest';
import { RealFft } from '../dsp/fft.js';
import type { DrumVoice } from '../generate/models/types.js';
import { DrumKit } from './drum-kit.js';
import { DRUM_VOICES, drumVoiceForNote, GM_NOTE_OF_VOICE } from './gm-drums.js';
import { renderOffline } from './offline-render.js';

const FS = 48_000;
const SIZE = 32768;

function hit(voice: DrumVoice, velocity = 110, frames = SIZE): Float32Array {
  const kit = new DrumKit({ sampleRate: FS });
  return renderOffline(kit, [{ frame: 0, type: 'on', note: GM_NOTE_OF_VOICE[voice], velocity }], frames).left;
}

/** Share of the spectral energy of x[0, SIZE) between loHz and hiHz. */
function energyShare(x: Float32Array, loHz: number, hiHz: number): number {
  const frame = new Float64Array(SIZE);
  for (let i = 0; i < SIZE; i++) frame[i] = x[i];
  const mags = new Float32Array(SIZE / 2 + 1);
  new RealFft(SIZE).magnitudes(frame, mags);
  let band = 0;
  let total = 0;
  for (let k = 1; k < mags.length; k++) {
    const e = mags[k] * mags[k];
    const hz = (k * FS) / SIZE;
    total += e;
    if (hz >= loHz && hz < hiHz) band += e;
  }
  return band / total;
}

function energy(x: Float32Array, from: number, to: number): number {
  let e = 0;
  for (let i = from; i < to; i++) e += x[i] * x[i];
  return e;
}

describe('DrumKit', () => {
  it('puts the kick below 150 Hz', () => {
    expect(energyShare(hit('kick'), 0, 150)).toBeGreaterThan(0.8);
  });

  it.each(['closedHat', 'openHat', 'pedalHat'] as const)('puts the %s above 5 kHz', (voice) => {
    expect(energyShare(hit(voice), 5000, FS / 2)).toBeGreaterThan(0.8);
  });

  it('puts the snare between the kick and the hats', () => {
    const snare = hit('snare');
    expect(energyShare(snare, 0, 150)).toBeLessThan(0.2);
    expect(energyShare(snare, 150, 10000)).toBeGreaterThan(0.7);
  });

  it('sounds every voice, louder with velocity, and decays to silence', () => {
    for (const voice of DRUM_VOICES) {
      const soft = hit(voice, 30, FS * 5);
      const loud = hit(voice, 127, FS * 5);
      expect(energy(loud, 0, FS), voice).toBeGreaterThan(2 * energy(soft, 0, FS));
      expect(energy(loud, FS * 4.5, FS * 5), voice).toBe(0);
    }
  });

  it('chokes an open hat with a closed or pedal hat', () => {
    const open = hit('openHat', 110, FS);
    for (const choker of ['closedHat', 'pedalHat'] as const) {
      const kit = new DrumKit({ sampleRate: FS });
      const at = FS / 20;
      const { left } = renderOffline(
        kit,
        [
          { frame: 0, type: 'on', note: GM_NOTE_OF_VOICE.openHat, velocity: 110 },
          { frame: at, type: 'on', note: GM_NOTE_OF_VOICE[choker], velocity: 110 },
        ],
        FS,
      );
      // After the choking hat's own short decay, the open hat's ring is gone.
      const from = at + FS / 5;
      expect(energy(left, from, FS)).toBeLessThan(0.001 * energy(open, from, FS));
      // Before the choke the two renders are the same sound.
      expect(energy(left, 0, at)).toBeCloseTo(energy(open, 0, at), 9);
    }
  });

  it('plays by name and by General MIDI note', () => {
    expect(drumVoiceForNote(36)).toBe('kick');
    expect(drumVoiceForNote(38)).toBe('snare');
    expect(drumVoiceForNote(42)).toBe('closedHat');
    expect(drumVoiceForNote(44)).toBe('pedalHat');
    expect(drumVoiceForNote(46)).toBe('openHat');
    expect(drumVoiceForNote(49)).toBe('crash');
    expect(drumVoiceForNote(51)).toBe('ride');
    expect(drumVoiceForNote(20)).toBeUndefined();
    for (const v of DRUM_VOICES) expect(drumVoiceForNote(GM_NOTE_OF_VOICE[v])).toBe(v);
    const byName = new DrumKit({ sampleRate: FS });
    const l = new Float32Array(4096);
    const r = new Float32Array(4096);
    byName.hit('snare', 100, 10);
    byName.process(l, r, 0, 4096);
    const byNote = hit('snare', 100, 4096 + 10);
    for (let i = 0; i < 4096; i++) expect(l[i]).toBe(byNote[i - 10] ?? 0);
    // An unmapped note takes no voice.
    const kit = new DrumKit({ sampleRate: FS });
    kit.noteOn(20, 100);
    kit.process(l, r, 0, 128);
    expect(kit.activeVoices()).toBe(0);
  });

  it('tunes with tone and shortens with decay', () => {
    const kickWith = (p: { tone?: number; decay?: number }) => {
      const kit = new DrumKit({ sampleRate: FS, sound: p });
      return renderOffline(kit, [{ frame: 0, type: 'on', note: 36, velocity: 100 }], FS * 2).left;
    };
    const crossings = (x: Float32Array) => {
      let c = 0;
      for (let i = 4800; i < 14400; i++) if (x[i - 1] < 0 && x[i] >= 0) c++;
      return c;
    };
    expect(crossings(kickWith({ tone: 1 }))).toBeGreaterThan(crossings(kickWith({ tone: 0 })));
    const short = kickWith({ decay: 0 });
    const long = kickWith({ decay: 1 });
    expect(energy(long, FS / 2, FS)).toBeGreaterThan(10 * energy(short, FS / 2, FS));
  });
});
