export * from './units.js';
export * from './analysis/types.js';
export { AnalysisError, type AnalysisErrorCode } from './analysis/errors.js';
export { analyzeClip, ANALYSIS_RATE, type AnalyzeOptions } from './analysis/analyze.js';
export { DEFAULT_LIMITS, type InputLimits } from './analysis/input-checks.js';
export { measureLoudness } from './analysis/loudness.js';
export { resample } from './dsp/resample.js';
export { downmix } from './dsp/downmix.js';
