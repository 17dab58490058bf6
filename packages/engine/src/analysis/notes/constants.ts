/**
 * Basic Pitch's fixed geometry, from spotify/basic-pitch `constants.py` and its JS port (`inference.ts`).
 * The model was trained on exactly these shapes, so none of them is a tuning knob.
 */
import type { Hz } from '../../units.js';

/** The only rate the model accepts. */
export const BASIC_PITCH_SAMPLE_RATE: Hz = 22050;
/** Samples between output frames (the model's CQT hop). */
export const FFT_HOP = 256;
/** Model input length: 2 s minus one hop, so that exactly 172 frames come out. */
export const WINDOW_SAMPLES = BASIC_PITCH_SAMPLE_RATE * 2 - FFT_HOP;
/** Output frames per window (`ANNOT_N_FRAMES`). */
export const MODEL_FRAMES = 172;
/** Frames at each window edge that see zero padding or a cut, and are thrown away. */
export const EDGE_FRAMES = 15;
/** Frames kept from each window once both edges are trimmed. */
export const KEPT_FRAMES = MODEL_FRAMES - 2 * EDGE_FRAMES;
/** Zeros put before the audio so the first kept frame is centred on sample 0. */
export const START_PADDING = EDGE_FRAMES * FFT_HOP;
/** Distance between window starts: consecutive windows overlap by 30 frames' worth of samples. */
export const HOP_SAMPLES = WINDOW_SAMPLES - 2 * EDGE_FRAMES * FFT_HOP;
/** One output bin per piano key, A0 (MIDI 21) to C8 (MIDI 108). */
export const N_PITCHES = 88;
export const LOWEST_MIDI = 21;

/**
 * Audio sample (from the start of the stream) on which global frame `g` is centred. Window `w` keeps
 * frames centred on `w·HOP_SAMPLES + j·FFT_HOP`, j < KEPT_FRAMES: 142 frames span 36,352 samples but the
 * windows advance by 36,164, so frames are not evenly spaced across window joins. Basic Pitch corrects
 * that drift with an approximate constant (`WINDOW_OFFSET`); the exact position is as cheap to compute.
 */
export function framePosition(g: number): number {
  const w = Math.floor(g / KEPT_FRAMES);
  return w * HOP_SAMPLES + (g - w * KEPT_FRAMES) * FFT_HOP;
}

/** First global frame centred at or after audio sample `sample`. */
export function firstFrameAtOrAfter(sample: number): number {
  if (sample <= 0) return 0;
  const w = Math.floor(sample / HOP_SAMPLES);
  const j = Math.ceil((sample - w * HOP_SAMPLES) / FFT_HOP);
  // j may reach KEPT_FRAMES: that frame index is then the next window's first, which is still correct.
  return w * KEPT_FRAMES + Math.min(j, KEPT_FRAMES);
}
