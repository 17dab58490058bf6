import type { StepGrid } from '../models/types.js';
import type { Rng } from '../random.js';
import type { Feel } from '../types.js';

const EPS = 1e-9;

/**
 * Where a straight grid position (beats into the bar) lands under the style's swing: the off-beat eighth
 * (or sixteenth) is delayed to ratio/(1+ratio) of its pair. Positions on triplet grids are left alone.
 */
export function swingPosition(beat: number, feel: Feel): number {
  if (feel.unit === 'none' || feel.ratio === 1) return beat;
  const pair = feel.unit === 'eighth' ? 1 : 0.5;
  const within = beat - Math.floor(beat / pair + EPS) * pair;
  if (Math.abs(within - pair / 2) > EPS) return beat;
  return beat - within + (pair * feel.ratio) / (1 + feel.ratio);
}

/** Beat position of step `step` of a bar of `stepsPerBar` steps and `beatsPerBar` beats. */
export const stepBeat = (step: number, stepsPerBar: number, beatsPerBar: number) =>
  (step * beatsPerBar) / stepsPerBar;

/**
 * Beat position, in the variation's beats, of step `step` of a learned bar. Compound models count eighths
 * (6/8 as six beats) while the variation counts dotted quarters (two beats): then the bar maps by fraction.
 * Otherwise beats are beats, and a 4/4 model under a 2/4 variation contributes its first half.
 */
export function modelStepBeat(
  step: number,
  stepsPerBar: number,
  modelBeatsPerBar: number,
  beatsPerBar: number,
): number {
  if (modelBeatsPerBar === 3 * beatsPerBar) return (step * beatsPerBar) / stepsPerBar;
  return stepBeat(step, stepsPerBar, modelBeatsPerBar);
}

/** A bar's onsets drawn step by step from a probability grid. */
export function sampleSteps(grid: StepGrid, rng: Rng, density = 1): number[] {
  const steps: number[] = [];
  grid.p.forEach((p, i) => {
    if (rng.chance(Math.min(1, p * density))) steps.push(i);
  });
  return steps;
}

/** Steps set in a bitmask. */
export function maskSteps(mask: number, stepsPerBar: number): number[] {
  const steps: number[] = [];
  for (let i = 0; i < stepsPerBar; i++) if (mask & (1 << i)) steps.push(i);
  return steps;
}

/** Velocity for an onset on `step`: the learned mean, humanised by a few steps, scaled by the section's energy. */
export function velocityAt(
  grid: StepGrid | undefined,
  step: number,
  energy: number,
  rng: Rng,
  fallback = 90,
): number {
  const v = grid?.velocity[step] || fallback;
  return Math.max(1, Math.min(127, Math.round(v * energy + rng.jitter(6))));
}
