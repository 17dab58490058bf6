export { type WavErrorCode, WavFormatError } from './errors.js';
export type { ExportMetadata } from './metadata.js';
export type { PcmAudio } from './pcm.js';
export { type DecodedWav, decodeWav } from './wav-read.js';
export { encodeWav, type WavEncoding, type WavWriteOptions } from './wav-write.js';
