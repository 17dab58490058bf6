import { downmix } from '../dsp/downmix.js';
import { resample } from '../dsp/resample.js';
import { magnitudeSpectrogram, type Spectrogram } from '../dsp/stft.js';
import { beatGrid } from './beat-grid.js';
import { detectChords } from './chords.js';
import { chromagram } from './chroma.js';
import { conditionInput, DEFAULT_LIMITS, type InputLimits, validateInput } from './input-checks.js';
import { detectKey, pitchClassDistribution, rankKeys } from './key.js';
import { measureLoudness } from './loudness.js';
import { detectMeter, regroupCompound } from './meter.js';
import { normaliseOnsets, onsetEnvelope } from './onset.js';
import { rankStyles } from './style.js';
import { styleFeatures } from './style-features.js';
import { estimateTempo } from './tempo.js';
import type {
  AnalysisOutcome,
  InputWarning,
  NoteEvent,
  PcmAudio,
  StageTimingsMs,
  TempoResult,
} from './types.js';

/** Rate of the analysis signal: what Basic Pitch expects, and plenty for rhythm (onsets need ~11 kHz bandwidth). */
export const ANALYSIS_RATE = 22050;
/** Harmony is analysed at half that, so a 4096-point frame resolves 2.7 Hz — semitones down to ~50 Hz. */
const CHROMA_RATE = 11025;
const ONSET_FFT = 1024;
const ONSET_HOP = 256;
const CHROMA_FFT = 4096;
const CHROMA_HOP = 1024;

/** Below this sample peak the clip is treated as silence (−60 dBFS: a muted input's noise floor). */
const SILENCE_PEAK_DB = -60;
/** Below this integrated loudness the user is told the level is low, though analysis goes on. */
const LOW_LEVEL_LUFS = -45;
/**
 * Noise: a spectrum nearly as flat as noise (white 0.84, pink 0.76; the flattest of our 79 evaluation excerpts,
 * drum-heavy game music, 0.54), or no pitch-class structure (noise correlates ~0.3 with the best key, music
 * ≥ 0.45) without a clear pulse (a drum loop alone has little key but a strong pulse).
 */
const NOISE_FLATNESS = 0.65;
const NOISE_KEY_CORRELATION = 0.4;
const NOISE_TEMPO_CONFIDENCE = 0.8;

export interface AnalyzeOptions {
  /** Transcribes notes from mono 22050 Hz audio (the host injects Basic Pitch); omit to skip notes. */
  transcribe?: (mono22050: Float32Array) => NoteEvent[];
  /** A clock for the stage timings (ms); the engine reads no global time. Omit and timings are empty. */
  now?: () => number;
  limits?: InputLimits;
}

/** Mean spectral flatness (geometric over arithmetic mean of magnitudes, 100 Hz - 8 kHz) of frames with energy. */
function spectralFlatness(spec: Spectrogram): number {
  const binHz = spec.sampleRate / spec.size;
  const lo = Math.max(1, Math.round(100 / binHz));
  const hi = Math.min(spec.bins - 1, Math.round(8000 / binHz));
  let sum = 0;
  let count = 0;
  for (let n = 0; n < spec.frames; n++) {
    let logSum = 0;
    let linSum = 0;
    for (let k = lo; k <= hi; k++) {
      const m = spec.mag[n * spec.bins + k] + 1e-12;
      logSum += Math.log(m);
      linSum += m;
    }
    const width = hi - lo + 1;
    const arith = linSum / width;
    if (arith < 1e-6) continue;
    sum += Math.exp(logSum / width) / arith;
    count++;
  }
  return count > 0 ? sum / count : 1;
}

/**
 * Everything the studio needs to know about a captured clip: tempo, beats, bars, key, chords, loudness, style,
 * and notes when a transcriber is given. Throws `AnalysisError` for input that cannot be analysed; returns
 * `no_musical_content` for silence or noise.
 */
export function analyzeClip(input: PcmAudio, options: AnalyzeOptions = {}): AnalysisOutcome {
  const timings: StageTimingsMs = {};
  const now = options.now;
  let mark = now ? now() : 0;
  const lap = (stage: string) => {
    if (!now) return;
    const t = now();
    timings[stage] = Math.round((t - mark) * 100) / 100;
    mark = t;
  };

  validateInput(input, options.limits ?? DEFAULT_LIMITS);
  const { audio, warnings } = conditionInput(input);
  const duration = audio.channels[0].length / audio.sampleRate;
  lap('validate');

  const loudness = measureLoudness(audio);
  lap('loudness');
  const allWarnings: InputWarning[] = [...warnings];
  if (loudness.samplePeakDb < SILENCE_PEAK_DB) {
    return {
      status: 'no_musical_content',
      reason: 'silence',
      message: `the clip is silent (peak ${Number.isFinite(loudness.samplePeakDb) ? `${loudness.samplePeakDb.toFixed(1)} dBFS` : '−∞'}): check the input device and its gain`,
      duration,
      loudness,
      warnings: allWarnings,
      timingsMs: timings,
    };
  }
  if (loudness.lufs < LOW_LEVEL_LUFS) {
    allWarnings.push({
      code: 'low_level',
      message: `the input is very quiet (${loudness.lufs.toFixed(1)} LUFS); raise the gain for better results`,
    });
  }
  if (audio.sampleRate !== ANALYSIS_RATE) {
    allWarnings.push({
      code: 'resampled',
      message: `resampled from ${audio.sampleRate} Hz to ${ANALYSIS_RATE} Hz for analysis`,
    });
  }

  const mono = resample(downmix(audio.channels), audio.sampleRate, ANALYSIS_RATE, 'analysis');
  const monoLow = resample(mono, ANALYSIS_RATE, CHROMA_RATE, 'analysis');
  lap('resample');

  const spec = magnitudeSpectrogram(mono, ANALYSIS_RATE, ONSET_FFT, ONSET_HOP);
  const onsets = onsetEnvelope(spec);
  const normalised = normaliseOnsets(onsets.strength, Math.round(onsets.frameRate));
  lap('onsets');

  const chromaSpec = magnitudeSpectrogram(monoLow, CHROMA_RATE, CHROMA_FFT, CHROMA_HOP);
  const chroma = chromagram(chromaSpec);
  lap('chroma');

  const tempoEstimate = estimateTempo(normalised, onsets.frameRate);
  const keyRanking = rankKeys(pitchClassDistribution(chroma));
  const flatness = spectralFlatness(spec);
  if (
    flatness > NOISE_FLATNESS ||
    (tempoEstimate.confidence < NOISE_TEMPO_CONFIDENCE && keyRanking[0].correlation < NOISE_KEY_CORRELATION)
  ) {
    lap('tempo');
    return {
      status: 'no_musical_content',
      reason: 'noise',
      message: 'the clip sounds like noise: no steady pulse and no clear pitches were found',
      duration,
      loudness,
      warnings: allWarnings,
      timingsMs: timings,
    };
  }

  const grid = beatGrid(onsets, normalised, tempoEstimate.period);
  const tracked = grid.frames.map((f) => f / onsets.frameRate);
  const { beats, bpm, meter } = regroupCompound(
    tracked,
    beatsPerMinute(tracked, (60 * onsets.frameRate) / grid.period),
    detectMeter(tracked, onsets, chroma),
    onsets,
    chroma,
  );
  const downbeats = beats.filter((_, i) => i >= meter.phase && (i - meter.phase) % meter.beatsPerBar === 0);
  const tempo: TempoResult = {
    bpm,
    beats,
    downbeats,
    timeSignature: meter.timeSignature,
    confidence: tempoEstimate.confidence,
  };
  lap('beats');

  const chords = detectChords(chroma, beats, duration);
  lap('chords');
  const key = detectKey(chroma, chords);
  lap('key');

  const features = styleFeatures({
    spec,
    onsets,
    normalisedOnsets: normalised,
    beats,
    bpm,
    meter,
    chords,
    tonalClarity: Math.max(0, keyRanking[0].correlation),
  });
  const ranking = rankStyles(features);
  lap('style');

  let notes: NoteEvent[] | undefined;
  if (options.transcribe) {
    notes = options.transcribe(mono);
    lap('notes');
  }

  return {
    status: 'ok',
    duration,
    sampleRate: audio.sampleRate,
    tempo,
    key,
    chords,
    ...(notes ? { notes } : {}),
    loudness,
    style: { features, ranking },
    warnings: allWarnings,
    timingsMs: timings,
  };
}

/** Beat intervals within this fraction of the median belong to the steady run the tempo is measured on. */
const STEADY_INTERVAL_TOLERANCE = 0.05;

/**
 * Tempo from the tracked beats: the least-squares slope of beat time against index over the longest run of
 * beats whose intervals stay within 5 % of the median interval, falling back to the estimate. Measuring on
 * that run keeps a momentary phase slip of the tracker (a half-beat hop across a fill) from bending the
 * slope, while the fit keeps the precision of many beats.
 */
function beatsPerMinute(beats: number[], fallback: number): number {
  const rounded = (bpm: number) => Math.round(bpm * 10) / 10;
  if (beats.length < 4) return rounded(fallback);
  const intervals = beats.slice(1).map((b, i) => b - beats[i]);
  const median = [...intervals].sort((a, b) => a - b)[intervals.length >> 1];
  let bestStart = 0;
  let bestLength = 0;
  for (let i = 0; i < intervals.length; ) {
    let j = i;
    while (j < intervals.length && Math.abs(intervals[j] / median - 1) <= STEADY_INTERVAL_TOLERANCE) j++;
    if (j - i > bestLength) {
      bestLength = j - i;
      bestStart = i;
    }
    i = j === i ? i + 1 : j;
  }
  const run = beats.slice(bestStart, bestStart + bestLength + 1);
  const n = run.length;
  if (n < 4) return median > 0 ? rounded(60 / median) : rounded(fallback);
  let sx = 0;
  let sy = 0;
  let sxx = 0;
  let sxy = 0;
  for (let i = 0; i < n; i++) {
    sx += i;
    sy += run[i];
    sxx += i * i;
    sxy += i * run[i];
  }
  const slope = (n * sxy - sx * sy) / (n * sxx - sx * sx);
  return slope > 0 ? rounded(60 / slope) : rounded(fallback);
}
