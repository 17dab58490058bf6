import { describe, expect, it } from 'vitest';
import { RealFft } from '../dsp/fft.js';
import { FmKeys } from './fm-keys.js';
import { renderOffline } from './offline-render.js';

const FS = 48_000;
const SIZE = 2048;

/** Spectral centroid (Hz) of a Hann-windowed frame of x starting at `from`. */
function centroid(x: Float32Array, from: number): number {
  const frame = new Float64Array(SIZE);
  for (let i = 0; i < SIZE; i++) frame[i] = x[from + i] * (0.5 - 0.5 * Math.cos((2 * Math.PI * i) / SIZE));
  const mags = new Float32Array(SIZE / 2 + 1);
  new RealFft(SIZE).magnitudes(frame, mags);
  let num = 0;
  let den = 0;
  for (let k = 1; k < mags.length; k++) {
    num += ((k * FS) / SIZE) * mags[k];
    den += mags[k];
  }
  return num / den;
}

function play(velocity: number, note = 60, preset: 'electricPiano' | 'bell' | 'organ' = 'electricPiano') {
  const keys = new FmKeys({ sampleRate: FS, preset });
  return renderOffline(keys, [{ frame: 0, type: 'on', note, velocity }], FS).left;
}

describe('FmKeys', () => {
  it('is brighter when played harder (velocity-sensitive index)', () => {
    expect(centroid(play(127), 4800)).toBeGreaterThan(1.3 * centroid(play(40), 4800));
  });

  it('has a tine-like attack: brightest at the strike, mellower 300 ms later', () => {
    const x = play(110);
    expect(centroid(x, 0)).toBeGreaterThan(1.5 * centroid(x, FS * 0.3));
  });

  it('plays in tune', () => {
    const keys = new FmKeys({ sampleRate: FS, sound: { tone: 0, brightness: 0 } });
    const x = renderOffline(keys, [{ frame: 0, type: 'on', note: 69, velocity: 90 }], FS).left;
    let crossings = 0;
    for (let i = FS / 2 + 1; i < FS; i++) if (x[i - 1] < 0 && x[i] >= 0) crossings++;
    expect(Math.abs(crossings - 220)).toBeLessThanOrEqual(2);
  });

  it('morphs between its operator pairs with tone', () => {
    const keys = (tone: number) => {
      const k = new FmKeys({ sampleRate: FS, preset: 'bell', sound: { tone } });
      return renderOffline(k, [{ frame: 0, type: 'on', note: 60, velocity: 100 }], FS / 2).left;
    };
    // Only the second pair (carrier ratio 4, modulator 1.41) has a partial at 4 × 261.6 Hz.
    const share = (x: Float32Array) => {
      const n = 8192;
      const frame = new Float64Array(n);
      for (let i = 0; i < n; i++) frame[i] = x[4800 + i] * (0.5 - 0.5 * Math.cos((2 * Math.PI * i) / n));
      const mags = new Float32Array(n / 2 + 1);
      new RealFft(n).magnitudes(frame, mags);
      let band = 0;
      let total = 0;
      for (let k = 1; k < mags.length; k++) {
        const hz = (k * FS) / n;
        total += mags[k] ** 2;
        if (Math.abs(hz - 4 * 261.63) < 20) band += mags[k] ** 2;
      }
      return band / total;
    };
    expect(share(keys(1))).toBeGreaterThan(5 * share(keys(0)));
  });
});
