export { type WavErrorCode, WavFormatError } from './errors.js';
export type { PcmAudio } from './pcm.js';
export { type DecodedWav, decodeWav } from './wav-read.js';
