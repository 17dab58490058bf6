import type { Hz, Samples, Seconds } from '../units.js';
import { hann, RealFft } from './fft.js';

/** Magnitude spectrogram, row-major: `mag[frame * bins + bin]`. Frame `n` is centred on sample `n * hop`. */
export interface Spectrogram {
  mag: Float32Array;
  frames: number;
  bins: number;
  size: Samples;
  hop: Samples;
  sampleRate: Hz;
}

/**
 * Short-time Fourier magnitudes with centred, zero-padded frames (librosa's `center=True`),
 * so frame `n` describes time `n * hop / sampleRate` — beat and chord times need no offset correction.
 */
export function magnitudeSpectrogram(
  x: Float32Array,
  sampleRate: Hz,
  size: Samples,
  hop: Samples,
): Spectrogram {
  const bins = (size >> 1) + 1;
  const frames = Math.max(1, Math.floor(x.length / hop) + 1);
  const mag = new Float32Array(frames * bins);
  const fft = new RealFft(size);
  const window = hann(size);
  const frame = new Float64Array(size);
  const half = size >> 1;
  for (let n = 0; n < frames; n++) {
    const start = n * hop - half;
    if (start >= 0 && start + size <= x.length) {
      for (let i = 0; i < size; i++) frame[i] = x[start + i] * window[i];
    } else {
      // Edge frames: zero-padded outside the signal.
      for (let i = 0; i < size; i++) {
        const j = start + i;
        frame[i] = j >= 0 && j < x.length ? x[j] * window[i] : 0;
      }
    }
    fft.magnitudes(frame, mag.subarray(n * bins, (n + 1) * bins));
  }
  return { mag, frames, bins, size, hop, sampleRate };
}

export function frameTime(spec: Pick<Spectrogram, 'hop' | 'sampleRate'>, frame: number): Seconds {
  return (frame * spec.hop) / spec.sampleRate;
}

export function binFrequency(spec: Pick<Spectrogram, 'size' | 'sampleRate'>, bin: number): Hz {
  return (bin * spec.sampleRate) / spec.size;
}
