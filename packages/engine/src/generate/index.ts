import type { MusicAnalysis } from '../analysis/types.js';
import { type GenerationModels, generateVariations } from './generate.js';
import { TRAINED_MODELS } from './models/index.js';
import type { Generation, GenerationPreferences } from './types.js';

export { describeVariation } from './describe.js';
export { type DissonanceReport, sectionDissonance, variationDissonance } from './dissonance.js';
export { GenerationError, type GenerationErrorCode } from './errors.js';
export { DEFAULT_FORM, DEFAULT_SECTION_BARS, type GenerationModels, generateVariations } from './generate.js';
export type * from './models/types.js';
export { STYLES, type Style, styleById } from './styles.js';
export * from './types.js';
export { TRAINED_MODELS };

/** 3-5 backing-track variations for a captured clip with the shipped models. Same inputs, same output. */
export function generate(
  analysis: MusicAnalysis,
  seed: number,
  preferences: GenerationPreferences = {},
  models: GenerationModels = TRAINED_MODELS,
): Generation {
  return generateVariations(analysis, seed, preferences, models);
}
