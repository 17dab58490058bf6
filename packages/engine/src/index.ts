export { ANALYSIS_RATE, type AnalyzeOptions, analyzeClip } from './analysis/analyze.js';
export { AnalysisError, type AnalysisErrorCode } from './analysis/errors.js';
export { DEFAULT_LIMITS, type InputLimits } from './analysis/input-checks.js';
export { measureLoudness } from './analysis/loudness.js';
export * from './analysis/notes/index.js';
export * from './analysis/types.js';
export { downmix } from './dsp/downmix.js';
export { resample } from './dsp/resample.js';
export * from './units.js';
