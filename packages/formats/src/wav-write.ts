import type { PcmAudio } from './pcm.js';

export type WavEncoding = 'pcm16' | 'pcm24' | 'float32';

export interface WavWriteOptions {
  /** Default 24-bit PCM, the broadcast delivery format. */
  encoding?: WavEncoding;
}

const BYTES: Record<WavEncoding, number> = { pcm16: 2, pcm24: 3, float32: 4 };

/**
 * A canonical RIFF/WAVE file: `fmt ` (PCM, or IEEE float with a `fact` chunk) and `data`. Samples are
 * clamped to [−1, 1] before quantisation (the player's limiter keeps them below anyway) and rounded to the
 * nearest step; NaN is written as 0 rather than corrupting the file.
 */
export function encodeWav(audio: PcmAudio, options: WavWriteOptions = {}): Uint8Array {
  const encoding = options.encoding ?? 'pcm24';
  const channels = audio.channels;
  const nch = channels.length;
  if (nch < 1 || nch > 8) throw new RangeError(`WAV needs 1-8 channels, got ${nch}`);
  const frames = channels[0].length;
  if (channels.some((c) => c.length !== frames)) throw new RangeError('channels must have equal lengths');
  if (!Number.isInteger(audio.sampleRate) || audio.sampleRate < 1)
    throw new RangeError(`sample rate must be a positive integer, got ${audio.sampleRate}`);
  const bytes = BYTES[encoding];
  const dataBytes = frames * nch * bytes;
  if (dataBytes > 0xffffffff - 100) throw new RangeError('audio too long for a RIFF WAV file (4 GB)');
  const isFloat = encoding === 'float32';
  const headerBytes = 12 + 24 + (isFloat ? 12 : 0) + 8;
  const buf = new ArrayBuffer(headerBytes + dataBytes + (dataBytes & 1));
  const v = new DataView(buf);
  const u8 = new Uint8Array(buf);
  const tag = (at: number, s: string) => {
    for (let i = 0; i < 4; i++) u8[at + i] = s.charCodeAt(i);
  };
  tag(0, 'RIFF');
  v.setUint32(4, buf.byteLength - 8, true);
  tag(8, 'WAVE');
  tag(12, 'fmt ');
  v.setUint32(16, 16, true);
  v.setUint16(20, isFloat ? 3 : 1, true);
  v.setUint16(22, nch, true);
  v.setUint32(24, audio.sampleRate, true);
  v.setUint32(28, audio.sampleRate * nch * bytes, true);
  v.setUint16(32, nch * bytes, true);
  v.setUint16(34, bytes * 8, true);
  let at = 36;
  if (isFloat) {
    tag(at, 'fact');
    v.setUint32(at + 4, 4, true);
    v.setUint32(at + 8, frames, true);
    at += 12;
  }
  tag(at, 'data');
  v.setUint32(at + 4, dataBytes, true);
  at += 8;
  const clamp = (x: number) => (x > 1 ? 1 : x < -1 ? -1 : Number.isNaN(x) ? 0 : x);
  for (let i = 0; i < frames; i++) {
    for (let c = 0; c < nch; c++) {
      const x = clamp(channels[c][i]);
      if (encoding === 'float32') v.setFloat32(at, x, true);
      else if (encoding === 'pcm16')
        v.setInt16(at, Math.max(-32768, Math.min(32767, Math.round(x * 32768))), true);
      else {
        const s = Math.max(-8388608, Math.min(8388607, Math.round(x * 8388608)));
        u8[at] = s & 0xff;
        u8[at + 1] = (s >> 8) & 0xff;
        u8[at + 2] = (s >> 16) & 0xff;
      }
      at += bytes;
    }
  }
  return u8;
}
