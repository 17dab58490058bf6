import { describe, expect, it } from 'vitest';
import { RealFft } from '../dsp/fft.js';
import { AnalogSynth } from './analog-synth.js';
import { renderOffline } from './offline-render.js';

const FS = 48_000;

/** Frequency of the strongest spectral peak, refined by parabolic interpolation of log magnitudes. */
function peakHz(x: Float32Array, from: number, size: number): number {
  const fft = new RealFft(size);
  const frame = new Float64Array(size);
  for (let i = 0; i < size; i++) frame[i] = x[from + i] * (0.5 - 0.5 * Math.cos((2 * Math.PI * i) / size));
  const mags = new Float32Array(size / 2 + 1);
  fft.magnitudes(frame, mags);
  let k = 1;
  for (let i = 2; i < mags.length - 1; i++) if (mags[i] > mags[k]) k = i;
  const a = Math.log(mags[k - 1]);
  const b = Math.log(mags[k]);
  const c = Math.log(mags[k + 1]);
  const delta = (0.5 * (a - c)) / (a - 2 * b + c);
  return ((k + delta) * FS) / size;
}

function bandEnergy(x: Float32Array, from: number, size: number, loHz: number, hiHz: number): number {
  const fft = new RealFft(size);
  const frame = new Float64Array(size);
  for (let i = 0; i < size; i++) frame[i] = x[from + i] * (0.5 - 0.5 * Math.cos((2 * Math.PI * i) / size));
  const mags = new Float32Array(size / 2 + 1);
  fft.magnitudes(frame, mags);
  let e = 0;
  for (let i = 0; i < mags.length; i++) {
    const hz = (i * FS) / size;
    if (hz >= loHz && hz < hiHz) e += mags[i] * mags[i];
  }
  return e;
}

const single = { osc2Level: 0, subLevel: 0, noiseLevel: 0, filterEnvOctaves: 0, velocityToFilter: 0 };

describe('AnalogSynth', () => {
  it('plays A4 as a saw with its fundamental at 440 Hz and 1/n harmonics', () => {
    const synth = new AnalogSynth({
      sampleRate: FS,
      preset: 'lead',
      patch: { ...single, glide: 0 },
      sound: { tone: 0.5, brightness: 1, warmth: 0 },
    });
    const { left } = renderOffline(synth, [{ frame: 0, type: 'on', note: 69, velocity: 100 }], FS);
    expect(peakHz(left, 8192, 32768)).toBeCloseTo(440, 0);
    // A saw's second harmonic is half its first; a triangle's or square's would be absent.
    const h1 = bandEnergy(left, 8192, 32768, 430, 450);
    const h2 = bandEnergy(left, 8192, 32768, 870, 890);
    expect(Math.sqrt(h2 / h1)).toBeGreaterThan(0.4);
    expect(Math.sqrt(h2 / h1)).toBeLessThan(0.6);
  });

  it('tracks pitch across the keyboard, counted by zero crossings', () => {
    for (const note of [33, 57, 81]) {
      const synth = new AnalogSynth({ sampleRate: FS, preset: 'bass', patch: single, sound: { tone: 0 } });
      const { left } = renderOffline(synth, [{ frame: 0, type: 'on', note, velocity: 100 }], FS);
      let crossings = 0;
      for (let i = FS / 2 + 1; i < FS; i++) if (left[i - 1] < 0 && left[i] >= 0) crossings++;
      const hz = 440 * 2 ** ((note - 69) / 12);
      expect(Math.abs(crossings - hz / 2)).toBeLessThanOrEqual(1);
    }
  });

  it('gets darker as brightness falls', () => {
    const energyAbove2k = (brightness: number) => {
      const synth = new AnalogSynth({ sampleRate: FS, preset: 'pad', sound: { brightness, attack: 0 } });
      const { left } = renderOffline(
        synth,
        [{ frame: 0, type: 'on', note: 48, velocity: 100 }],
        16384 + 4096,
      );
      return bandEnergy(left, 4096, 16384, 2000, 20000) / bandEnergy(left, 4096, 16384, 0, 20000);
    };
    const dark = energyAbove2k(0.2);
    const mid = energyAbove2k(0.5);
    const bright = energyAbove2k(0.9);
    expect(dark).toBeLessThan(mid);
    expect(mid).toBeLessThan(bright);
  });

  it('glides between notes in mono mode', () => {
    const synth = new AnalogSynth({ sampleRate: FS, preset: 'lead', patch: { ...single, glide: 0.05 } });
    const { left } = renderOffline(
      synth,
      [
        { frame: 0, type: 'on', note: 57, velocity: 100 },
        { frame: FS / 2, type: 'on', note: 69, velocity: 100 },
      ],
      FS * 1.5,
    );
    expect(synth.activeVoices()).toBe(1);
    expect(peakHz(left, 4096, 16384)).toBeCloseTo(220, 0);
    expect(peakHz(left, FS + 4096, 16384)).toBeCloseTo(440, 0);
  });
});
