/**
 * Mono mix of equal-length channels: their mean, so a signal present identically in every channel keeps its level
 * (a centred stereo source stays at its level; a hard-panned one drops 6 dB, which analysis does not mind).
 */
export function downmix(channels: Float32Array[]): Float32Array {
  if (channels.length === 0) throw new RangeError('downmix needs at least one channel');
  const length = channels[0].length;
  for (const c of channels) {
    if (c.length !== length) throw new RangeError('downmix needs channels of equal length');
  }
  if (channels.length === 1) return channels[0].slice();
  const out = new Float32Array(length);
  if (channels.length === 2) {
    const l = channels[0];
    const r = channels[1];
    for (let i = 0; i < length; i++) out[i] = 0.5 * (l[i] + r[i]);
    return out;
  }
  // Sum in float64 so many channels do not lose precision, then scale once.
  const acc = new Float64Array(length);
  for (const c of channels) for (let i = 0; i < length; i++) acc[i] += c[i];
  const scale = 1 / channels.length;
  for (let i = 0; i < length; i++) out[i] = acc[i] * scale;
  return out;
}
