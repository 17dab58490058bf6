import type { GenerationModels } from '../generate.js';
import { GROOVE_MODELS } from './grooves.data.js';
import { PROGRESSION_MODELS } from './progressions.data.js';

/** The trained models that ship with ALAMS (see SOURCES.md for where they were learned from). */
export const TRAINED_MODELS: GenerationModels = { grooves: GROOVE_MODELS, progressions: PROGRESSION_MODELS };
