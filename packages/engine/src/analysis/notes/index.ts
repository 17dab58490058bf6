export {
  BASIC_PITCH_SAMPLE_RATE,
  FFT_HOP as BASIC_PITCH_HOP,
  WINDOW_SAMPLES as BASIC_PITCH_WINDOW_SAMPLES,
} from './constants.js';
export type { BasicPitchActivations, BasicPitchModel } from './model.js';
export { DEFAULT_NOTE_EXTRACTION, type NoteExtractionOptions } from './note-extraction.js';
export {
  NoteTranscriber,
  type NoteTranscriberOptions,
  type TranscribeRange,
  transcribe,
} from './transcriber.js';
