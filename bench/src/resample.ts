/**
 * Sample-rate conversion by a rational factor with a Kaiser-windowed sinc (polyphase table).
 * Linear phase, about 100 dB stop band, pass band to ~95 % of the lower Nyquist frequency.
 */

const HALF_TAPS = 32;
const BETA = 9;

function bessel0(x: number): number {
  let sum = 1;
  let term = 1;
  for (let k = 1; k < 50; k++) {
    term *= (x / (2 * k)) ** 2;
    sum += term;
    if (term < 1e-12 * sum) break;
  }
  return sum;
}

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));

/** Mono average of the channels. */
export function downmix(channels: readonly Float32Array[]): Float32Array {
  const n = channels[0]?.length ?? 0;
  const out = new Float32Array(n);
  for (const ch of channels) for (let i = 0; i < n; i++) out[i] += ch[i];
  if (channels.length > 1) for (let i = 0; i < n; i++) out[i] /= channels.length;
  return out;
}

export function resample(input: Float32Array, fromRate: number, toRate: number): Float32Array {
  if (fromRate === toRate) return input.slice();
  const g = gcd(fromRate, toRate);
  const up = toRate / g; // output samples per `down` input samples
  const down = fromRate / g;
  // cutoff relative to the input rate (cycles per input sample), below the lower Nyquist frequency
  const cutoff = 0.5 * Math.min(1, toRate / fromRate) * 0.95;
  const taps = 2 * HALF_TAPS;
  const i0 = bessel0(BETA);
  const table = new Float32Array(up * taps);
  for (let p = 0; p < up; p++) {
    const frac = p / up;
    let sum = 0;
    for (let k = 0; k < taps; k++) {
      const t = k - HALF_TAPS + 1 - frac; // distance from the output instant, in input samples
      const w = bessel0(BETA * Math.sqrt(Math.max(0, 1 - (t / HALF_TAPS) ** 2))) / i0;
      const x = 2 * cutoff * t;
      const sinc = Math.abs(x) < 1e-12 ? 1 : Math.sin(Math.PI * x) / (Math.PI * x);
      const h = 2 * cutoff * sinc * w;
      table[p * taps + k] = h;
      sum += h;
    }
    for (let k = 0; k < taps; k++) table[p * taps + k] /= sum; // unity gain at DC for every phase
  }
  const outLen = Math.floor((input.length * up) / down);
  const out = new Float32Array(outLen);
  const n = input.length;
  for (let j = 0; j < outLen; j++) {
    const pos = j * down;
    const base = Math.floor(pos / up);
    const p = pos - base * up;
    const first = base - HALF_TAPS + 1;
    const row = p * taps;
    let acc = 0;
    if (first >= 0 && first + taps <= n) {
      for (let k = 0; k < taps; k++) acc += input[first + k] * table[row + k];
    } else {
      for (let k = 0; k < taps; k++) {
        const idx = first + k;
        if (idx >= 0 && idx < n) acc += input[idx] * table[row + k];
      }
    }
    out[j] = acc;
  }
  return out;
}
