import type { Hz, Seconds } from '../units.js';
import { AnalysisError } from './errors.js';
import type { InputWarning, PcmAudio } from './types.js';

export interface InputLimits {
  minDuration: Seconds;
  maxDuration: Seconds;
  minSampleRate: Hz;
  maxSampleRate: Hz;
}

export const DEFAULT_LIMITS: InputLimits = {
  minDuration: 1,
  maxDuration: 30,
  minSampleRate: 22050,
  maxSampleRate: 96000,
};

/** Above this |mean| the recording has a DC offset worth telling the user about (−40 dBFS). */
const DC_THRESHOLD = 0.01;
/** Samples this close to full scale, three or more in a row, are taken as clipped. */
const CLIP_LEVEL = 0.999;
/** Report clipping when more than this share of samples is clipped (0.1 %). */
const CLIP_SHARE = 0.001;

/** Checks shape, rate, length and sample values; throws `AnalysisError` for what cannot be analysed. */
export function validateInput(audio: PcmAudio, limits: InputLimits = DEFAULT_LIMITS): void {
  const { channels, sampleRate } = audio;
  if (!Array.isArray(channels) || channels.length === 0) {
    throw new AnalysisError('empty_input', 'no audio channels were given');
  }
  if (channels.length > 2) {
    throw new AnalysisError('bad_channels', `expected mono or stereo audio, got ${channels.length} channels`);
  }
  const length = channels[0].length;
  if (channels.some((c) => !(c instanceof Float32Array) || c.length !== length)) {
    throw new AnalysisError('bad_channels', 'channels must be Float32Arrays of equal length');
  }
  if (
    !Number.isFinite(sampleRate) ||
    sampleRate < limits.minSampleRate ||
    sampleRate > limits.maxSampleRate
  ) {
    throw new AnalysisError(
      'unsupported_sample_rate',
      `sample rate ${sampleRate} Hz is not supported; use ${limits.minSampleRate}-${limits.maxSampleRate} Hz (48000 Hz is standard)`,
    );
  }
  if (length === 0) throw new AnalysisError('empty_input', 'the audio has no samples');
  const duration = length / sampleRate;
  if (duration < limits.minDuration) {
    throw new AnalysisError(
      'too_short',
      `clip is ${duration.toFixed(2)} s long; analysis needs at least ${limits.minDuration} s of audio`,
    );
  }
  if (duration > limits.maxDuration) {
    throw new AnalysisError(
      'too_long',
      `clip is ${duration.toFixed(1)} s long; analysis takes at most ${limits.maxDuration} s (the studio captures 20 s) — trim it first`,
    );
  }
  // A sum of finite float32 samples cannot overflow a double, so a non-finite sum means a non-finite sample:
  // one tight pass for the common case, the counting pass only for a broken clip.
  if (channels.every(sumIsFinite)) return;
  let bad = 0;
  let firstBad = -1;
  for (const c of channels) {
    for (let i = 0; i < c.length; i++) {
      if (!Number.isFinite(c[i])) {
        if (firstBad < 0 || i < firstBad) firstBad = i;
        bad++;
      }
    }
  }
  throw new AnalysisError(
    'non_finite_samples',
    `the audio contains ${bad} NaN or infinite sample(s), first at ${(firstBad / sampleRate).toFixed(3)} s — the file or the plug-in that made it is broken`,
  );
}

/**
 * Removes DC offset (per channel) and reports it and clipping. Returns new arrays only when something changed,
 * so the caller's buffers are never modified.
 */
function sumIsFinite(c: Float32Array): boolean {
  let s = 0;
  for (let i = 0; i < c.length; i++) s += c[i];
  return Number.isFinite(s);
}

export function conditionInput(audio: PcmAudio): { audio: PcmAudio; warnings: InputWarning[] } {
  const warnings: InputWarning[] = [];
  let clipped = 0;
  let total = 0;
  let maxDc = 0;
  const means = audio.channels.map((c) => {
    let s = 0;
    let run = 0;
    for (let i = 0; i < c.length; i++) {
      const v = c[i];
      s += v;
      if (Math.abs(v) >= CLIP_LEVEL) {
        run++;
        if (run === 3) clipped += 3;
        else if (run > 3) clipped++;
      } else run = 0;
    }
    total += c.length;
    const mean = s / c.length;
    maxDc = Math.max(maxDc, Math.abs(mean));
    return mean;
  });
  let channels = audio.channels;
  if (maxDc > DC_THRESHOLD) {
    channels = audio.channels.map((c, ch) => {
      const out = new Float32Array(c.length);
      const m = means[ch];
      for (let i = 0; i < c.length; i++) out[i] = c[i] - m;
      return out;
    });
    warnings.push({
      code: 'dc_offset',
      message: `DC offset of ${(20 * Math.log10(maxDc)).toFixed(1)} dBFS removed before analysis (check the interface or cable)`,
    });
  }
  if (clipped / total > CLIP_SHARE) {
    warnings.push({
      code: 'clipping',
      message: `${((100 * clipped) / total).toFixed(2)} % of samples are clipped at full scale; lower the input gain — results may be less accurate`,
    });
  }
  return { audio: { channels, sampleRate: audio.sampleRate }, warnings };
}
