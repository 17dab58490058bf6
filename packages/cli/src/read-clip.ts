import { readFile, stat } from 'node:fs/promises';
import { AnalysisError } from '@alams/engine';

/** Largest file we read: 30 s of 96 kHz, 8-channel, 64-bit audio is ~185 MB; anything bigger is not a clip. */
export const MAX_FILE_BYTES = 256 * 1024 * 1024;

/** The bytes of a clip file, refusing directories and files far too big to be a 30 s clip. */
export async function readClip(file: string): Promise<Uint8Array> {
  const info = await stat(file);
  if (info.isDirectory()) throw Object.assign(new Error('directory'), { code: 'EISDIR' });
  if (info.size > MAX_FILE_BYTES) {
    throw new AnalysisError(
      'too_long',
      `file is ${(info.size / 1e6).toFixed(0)} MB; analysis takes clips of at most 30 s — trim it first`,
    );
  }
  return new Uint8Array(await readFile(file));
}
