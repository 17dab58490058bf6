/** Placing note onsets on a bar's step grid. */

export interface BarGrid {
  /** Tick where bar 0 starts. */
  origin: number;
  ticksPerBar: number;
  stepsPerBar: number;
}

export interface Placed {
  bar: number;
  step: number;
  /** Signed distance from the step, in ticks (onset minus grid point). */
  errorTicks: number;
}

/** Rounds an onset to the nearest step; an onset just before a bar line belongs to the next bar's step 0. */
export function quantise(tick: number, grid: BarGrid): Placed {
  const stepTicks = grid.ticksPerBar / grid.stepsPerBar;
  const exact = (tick - grid.origin) / stepTicks;
  const global = Math.round(exact);
  const bar = Math.floor(global / grid.stepsPerBar);
  return {
    bar,
    step: global - bar * grid.stepsPerBar,
    errorTicks: tick - grid.origin - global * stepTicks,
  };
}

/** Mean absolute quantisation error, in ticks, of some onsets on a grid. */
export function meanError(ticks: readonly number[], grid: BarGrid): number {
  if (ticks.length === 0) return 0;
  let sum = 0;
  for (const t of ticks) sum += Math.abs(quantise(t, grid).errorTicks);
  return sum / ticks.length;
}

/**
 * A triplet grid must beat the straight one by this factor: MMA's random timing (RTime, up to ±10 ticks at
 * 192 ppq) puts a floor under both errors, so a clear win is less than a halving.
 */
export const TRIPLET_MARGIN = 0.75;

/**
 * Chooses the step count for a family: the straight grid (first candidate) unless a triplet grid fits the
 * onsets with under TRIPLET_MARGIN of its error, which is what swung eighths on a sixteenth grid look like.
 */
export function chooseSteps(
  ticks: readonly number[],
  origin: number,
  ticksPerBar: number,
  candidates: readonly number[],
): { steps: number; errors: Record<number, number> } {
  const errors: Record<number, number> = {};
  for (const c of candidates) errors[c] = meanError(ticks, { origin, ticksPerBar, stepsPerBar: c });
  let steps = candidates[0];
  for (const c of candidates.slice(1)) if (errors[c] < errors[steps] * TRIPLET_MARGIN) steps = c;
  return { steps, errors };
}
