/** RIFF/WAVE reading and writing: PCM 16/24/32-bit and IEEE float 32-bit. */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';

export interface Clip {
  channels: Float32Array[];
  sampleRate: number;
}

export function encodeWavFloat32(clip: Clip): Uint8Array {
  const nch = clip.channels.length;
  const frames = clip.channels[0]?.length ?? 0;
  const dataBytes = frames * nch * 4;
  const buf = new ArrayBuffer(44 + dataBytes);
  const v = new DataView(buf);
  const tag = (at: number, s: string) => {
    for (let i = 0; i < 4; i++) v.setUint8(at + i, s.charCodeAt(i));
  };
  tag(0, 'RIFF');
  v.setUint32(4, 36 + dataBytes, true);
  tag(8, 'WAVE');
  tag(12, 'fmt ');
  v.setUint32(16, 16, true);
  v.setUint16(20, 3, true);
  v.setUint16(22, nch, true);
  v.setUint32(24, clip.sampleRate, true);
  v.setUint32(28, clip.sampleRate * nch * 4, true);
  v.setUint16(32, nch * 4, true);
  v.setUint16(34, 32, true);
  tag(36, 'data');
  v.setUint32(40, dataBytes, true);
  const out = new Float32Array(buf, 44, frames * nch);
  for (let i = 0; i < frames; i++) for (let c = 0; c < nch; c++) out[i * nch + c] = clip.channels[c][i];
  return new Uint8Array(buf);
}

export function decodeWav(bytes: Uint8Array): Clip {
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const tag = (at: number) => String.fromCharCode(...bytes.subarray(at, at + 4));
  if (tag(0) !== 'RIFF' || tag(8) !== 'WAVE') throw new Error('not a RIFF/WAVE file');
  let pos = 12;
  let format = 0;
  let nch = 0;
  let sampleRate = 0;
  let bits = 0;
  while (pos + 8 <= bytes.length) {
    const id = tag(pos);
    const size = v.getUint32(pos + 4, true);
    const body = pos + 8;
    if (id === 'fmt ') {
      format = v.getUint16(body, true);
      nch = v.getUint16(body + 2, true);
      sampleRate = v.getUint32(body + 4, true);
      bits = v.getUint16(body + 14, true);
      if (format === 0xfffe) format = v.getUint16(body + 24, true);
    } else if (id === 'data') {
      const bps = bits / 8;
      const frames = Math.floor(Math.min(size, bytes.length - body) / (bps * nch));
      const channels = Array.from({ length: nch }, () => new Float32Array(frames));
      for (let i = 0; i < frames; i++) {
        for (let c = 0; c < nch; c++) {
          const at = body + (i * nch + c) * bps;
          let x: number;
          if (format === 3 && bits === 32) x = v.getFloat32(at, true);
          else if (format === 1 && bits === 16) x = v.getInt16(at, true) / 32768;
          else if (format === 1 && bits === 24)
            x = ((v.getUint8(at + 2) << 24) | (v.getUint16(at, true) << 8)) / 2 ** 31;
          else if (format === 1 && bits === 32) x = v.getInt32(at, true) / 2 ** 31;
          else throw new Error(`unsupported WAV format ${format}/${bits}`);
          channels[c][i] = x;
        }
      }
      return { channels, sampleRate };
    }
    pos = body + size + (size & 1);
  }
  throw new Error('WAV file has no data chunk');
}

export const readWav = (path: string): Clip => decodeWav(readFileSync(path));

/** Writes through a temporary name, so an interrupted run never leaves a half file behind. */
export function writeWavFloat32(path: string, clip: Clip): void {
  writeFileSync(`${path}.tmp`, encodeWavFloat32(clip));
  renameSync(`${path}.tmp`, path);
}
