import type { Seconds } from '../units.js';
import type { KeyboardSound } from './types.js';

export const NEUTRAL_SOUND: Readonly<KeyboardSound> = {
  tone: 0.5,
  warmth: 0.5,
  brightness: 0.5,
  attack: 0,
  decay: 0.5,
  release: 0.3,
};

export function clamp01(x: number): number {
  return x > 0 ? Math.min(x, 1) : 0; // NaN → 0
}

/** Copies the defined, clamped fields of `p` into `into`. */
export function mergeSound(into: KeyboardSound, p: Partial<KeyboardSound>): void {
  if (p.tone !== undefined) into.tone = clamp01(p.tone);
  if (p.warmth !== undefined) into.warmth = clamp01(p.warmth);
  if (p.brightness !== undefined) into.brightness = clamp01(p.brightness);
  if (p.attack !== undefined) into.attack = clamp01(p.attack);
  if (p.decay !== undefined) into.decay = clamp01(p.decay);
  if (p.release !== undefined) into.release = clamp01(p.release);
}

/** Point `t` (0-1) on the straight line between two sounds, written into `out`: the knob's path. */
export function mixSounds(a: KeyboardSound, b: KeyboardSound, t: number, out: KeyboardSound): KeyboardSound {
  const u = clamp01(t);
  out.tone = a.tone + (b.tone - a.tone) * u;
  out.warmth = a.warmth + (b.warmth - a.warmth) * u;
  out.brightness = a.brightness + (b.brightness - a.brightness) * u;
  out.attack = a.attack + (b.attack - a.attack) * u;
  out.decay = a.decay + (b.decay - a.decay) * u;
  out.release = a.release + (b.release - a.release) * u;
  return out;
}

// Exponential maps: equal knob travel is an equal ratio of time, which is how time is heard.
export const attackSeconds = (a: number): Seconds => 0.001 * 2000 ** clamp01(a);
export const decaySeconds = (d: number): Seconds => 0.05 * 200 ** clamp01(d);
export const releaseSeconds = (r: number): Seconds => 0.01 * 400 ** clamp01(r);
