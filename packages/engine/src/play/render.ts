import type { Generation } from '../generate/types.js';
import { createNativeInstrument } from './instruments.js';
import { positionValue } from './knobs.js';
import { type InstrumentFactory, Player } from './player.js';

export interface RenderOptions {
  sampleRate?: number;
  /** Seconds rendered after the arrangement ends, for release and reverb tails. */
  tailSeconds?: number;
  /** Knob positions other than the defaults (the track selector is set from `variation`). */
  knobs?: Partial<Record<'keyboardSound' | 'effects' | 'mixBalance', number>>;
  createInstrument?: InstrumentFactory;
  /** Called every ~second of audio with the fraction done. */
  onProgress?: (fraction: number) => void;
}

export interface RenderedAudio {
  left: Float32Array;
  right: Float32Array;
  sampleRate: number;
}

export const RENDER_BLOCK = 128;

/**
 * Renders one variation's whole arrangement offline through the real-time player itself, in the same
 * 128-frame blocks, so the file is what the live player plays, sample for sample.
 */
export function renderVariation(
  generation: Generation,
  variation: number,
  options: RenderOptions = {},
): RenderedAudio {
  const sampleRate = options.sampleRate ?? 48000;
  const v = generation.variations[variation];
  if (!v)
    throw new RangeError(`no variation ${variation}; the generation has ${generation.variations.length}`);
  const player = new Player({
    sampleRate,
    maxBlock: RENDER_BLOCK,
    createInstrument: options.createInstrument ?? createNativeInstrument,
  });
  player.setKnob('trackSelector', positionValue(variation, generation.variations.length));
  for (const [k, value] of Object.entries(options.knobs ?? {})) player.setKnob(k as 'effects', value);
  player.load(generation);
  const music = v.totalBars * v.beatsPerBar * v.anchor.beatSeconds;
  const total = Math.ceil((music + (options.tailSeconds ?? 2)) * sampleRate);
  const left = new Float32Array(total);
  const right = new Float32Array(total);
  const blockL = new Float32Array(RENDER_BLOCK);
  const blockR = new Float32Array(RENDER_BLOCK);
  player.start();
  let nextReport = sampleRate;
  for (let at = 0; at < total; at += RENDER_BLOCK) {
    const n = Math.min(RENDER_BLOCK, total - at);
    player.process(blockL, blockR, n);
    left.set(blockL.subarray(0, n), at);
    right.set(blockR.subarray(0, n), at);
    if (options.onProgress && at >= nextReport) {
      options.onProgress(at / total);
      nextReport += sampleRate;
    }
  }
  options.onProgress?.(1);
  return { left, right, sampleRate };
}
