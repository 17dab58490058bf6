import FFT from 'fft.js';

/**
 * Real-input FFT of a fixed size, with its scratch buffers, cached per size.
 * fft.js is the fastest pure-JS FFT we measured (radix-4); we wrap it so callers never allocate per frame.
 */
export class RealFft {
  readonly size: number;
  private readonly fft: FFT;
  private readonly out: Float64Array;

  constructor(size: number) {
    if (size < 4 || (size & (size - 1)) !== 0)
      throw new RangeError(`FFT size must be a power of two ≥ 4, got ${size}`);
    this.size = size;
    this.fft = new FFT(size);
    this.out = new Float64Array(size * 2);
  }

  /** Magnitudes of bins 0..size/2 of `frame` (length `size`) into `mags` (length size/2 + 1). */
  magnitudes(frame: Float64Array, mags: Float32Array): void {
    this.fft.realTransform(this.out, frame);
    const out = this.out;
    const half = this.size >> 1;
    for (let k = 0; k <= half; k++) {
      const re = out[2 * k];
      const im = out[2 * k + 1];
      mags[k] = Math.sqrt(re * re + im * im);
    }
  }
}

/** Periodic Hann window, the usual STFT analysis window. */
export function hann(size: number): Float64Array {
  const w = new Float64Array(size);
  for (let i = 0; i < size; i++) w[i] = 0.5 - 0.5 * Math.cos((2 * Math.PI * i) / size);
  return w;
}
