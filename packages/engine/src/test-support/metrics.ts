import { mulberry32 } from './random.js';

/** Beat F-measure with a ±70 ms window (MIREX), for tests. Each reference beat matches at most one estimate. */
export function beatFMeasure(estimated: number[], reference: number[], tolerance = 0.07): number {
  if (estimated.length === 0 || reference.length === 0) return 0;
  const used = new Set<number>();
  let hits = 0;
  for (const r of reference) {
    let best = -1;
    let bestD = tolerance;
    estimated.forEach((e, i) => {
      const d = Math.abs(e - r);
      if (d <= bestD && !used.has(i)) {
        best = i;
        bestD = d;
      }
    });
    if (best >= 0) {
      used.add(best);
      hits++;
    }
  }
  const p = hits / estimated.length;
  const rc = hits / reference.length;
  return p + rc > 0 ? (2 * p * rc) / (p + rc) : 0;
}

/** Share of `reference` time covered by an estimate with the same label. */
export function labelOverlap(
  estimated: { start: number; end: number; label: string }[],
  reference: { start: number; end: number; label: string }[],
): number {
  let agree = 0;
  let total = 0;
  for (const r of reference) {
    total += r.end - r.start;
    for (const e of estimated) {
      if (e.label !== r.label) continue;
      agree += Math.max(0, Math.min(e.end, r.end) - Math.max(e.start, r.start));
    }
  }
  return total > 0 ? agree / total : 0;
}

/** Deterministic white noise in [-amp, amp]. */
export function whiteNoise(length: number, amp: number, seed = 7): Float32Array {
  const rnd = mulberry32(seed);
  const out = new Float32Array(length);
  for (let i = 0; i < length; i++) out[i] = amp * (rnd() * 2 - 1);
  return out;
}

/** Pink noise (Paul Kellet's filter over white noise), peak-normalised to `amp`. */
export function pinkNoise(length: number, amp: number, seed = 11): Float32Array {
  const w = whiteNoise(length, 1, seed);
  const out = new Float32Array(length);
  let b0 = 0;
  let b1 = 0;
  let b2 = 0;
  let peak = 0;
  for (let i = 0; i < length; i++) {
    b0 = 0.99765 * b0 + w[i] * 0.099046;
    b1 = 0.963 * b1 + w[i] * 0.2965164;
    b2 = 0.57 * b2 + w[i] * 1.0526913;
    out[i] = b0 + b1 + b2 + w[i] * 0.1848;
    peak = Math.max(peak, Math.abs(out[i]));
  }
  for (let i = 0; i < length; i++) out[i] = (out[i] / peak) * amp;
  return out;
}
