import type { Db } from '../../units.js';
import { EDGE_FRAMES, FFT_HOP, KEPT_FRAMES, N_PITCHES } from './constants.js';
import type { BasicPitchActivations } from './model.js';

/** Audio measured around each frame centre: 1,024 samples ≈ 46 ms, the span of the network's lowest bins. */
const GATE_SPAN = 4 * FFT_HOP;

/**
 * Which kept frames of a window (index j = 0..KEPT_FRAMES-1) sit in audio quieter than `thresholdDb`
 * (RMS dBFS). Basic Pitch normalises each window's log-CQT to its own range, so it is deaf to level: a
 * window of room hiss at -70 dBFS looks like loud noise and yields ghost notes. A studio mic is quiet
 * between takes, so frames nobody could hear get no notes, and all-quiet windows skip the network.
 */
export function quietFrames(window: Float32Array, thresholdDb: Db): Uint8Array {
  const quiet = new Uint8Array(KEPT_FRAMES);
  if (thresholdDb === -Infinity) return quiet;
  const minSumSquares = 10 ** (thresholdDb / 10) * GATE_SPAN;
  for (let j = 0; j < KEPT_FRAMES; j++) {
    const centre = (EDGE_FRAMES + j) * FFT_HOP;
    let sum = 0;
    for (let i = centre - GATE_SPAN / 2; i < centre + GATE_SPAN / 2; i++) sum += window[i] * window[i];
    quiet[j] = sum < minSumSquares ? 1 : 0;
  }
  return quiet;
}

/** Zero the activations of the kept frames marked quiet. Mutates `out`. */
export function silenceFrames(out: BasicPitchActivations, quiet: Uint8Array): void {
  for (let j = 0; j < KEPT_FRAMES; j++) {
    if (!quiet[j]) continue;
    const row = (EDGE_FRAMES + j) * N_PITCHES;
    out.frames.fill(0, row, row + N_PITCHES);
    out.onsets.fill(0, row, row + N_PITCHES);
  }
}
