export { createInstrumentFactory, createNativeInstrument } from './instruments.js';
export * from './knobs.js';
export { TruePeakLimiter } from './limiter.js';
export {
  CROSSFADE_SECONDS,
  type InstrumentFactory,
  Player,
  type PlayerOptions,
  type PlayerPosition,
} from './player.js';
export { RENDER_BLOCK, type RenderedAudio, type RenderOptions, renderVariation } from './render.js';
