/** Fetching and unpacking the Debian packages the set is made from, and converting ABC with abc2midi. */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { CACHE_DIR } from '../paths.js';
import type { DebPackage } from './sources.js';

const DEBS = join(CACHE_DIR, 'debs');
const ROOTS = join(CACHE_DIR, 'root');

export interface Unpacked {
  root: string;
  version: string;
}

const run = (cmd: string, args: string[], cwd?: string) =>
  execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

/** Downloads the package (the pinned version if apt still has it) into .cache/debs and unpacks it. */
export function unpack(pkg: DebPackage): Unpacked {
  mkdirSync(DEBS, { recursive: true });
  const find = () => readdirSync(DEBS).find((f) => f.startsWith(`${pkg.name}_`) && f.endsWith('.deb'));
  let deb = find();
  if (!deb) {
    try {
      run('apt-get', ['download', `${pkg.name}=${pkg.version}`], DEBS);
    } catch {
      console.warn(`apt has no ${pkg.name}=${pkg.version}; taking its current version`);
      try {
        run('apt-get', ['download', pkg.name], DEBS);
      } catch (e) {
        throw new Error(`apt-get download ${pkg.name} failed (run 'apt-get update' first?): ${String(e)}`);
      }
    }
    deb = find();
    if (!deb) throw new Error(`apt-get download ${pkg.name} left no .deb in ${DEBS}`);
  }
  const path = join(DEBS, deb);
  const version = run('dpkg-deb', ['-f', path, 'Version']).trim();
  if (version !== pkg.version)
    console.warn(`${pkg.name}: using ${version}, the set was made from ${pkg.version}`);
  const root = join(ROOTS, `${pkg.name}_${version}`);
  if (!existsSync(root)) {
    const tmp = `${root}.tmp`;
    rmSync(tmp, { recursive: true, force: true });
    mkdirSync(tmp, { recursive: true });
    run('dpkg-deb', ['-x', path, tmp]);
    renameSync(tmp, root);
  }
  return { root, version };
}

/** Converts an .abc file with abc2midi (one .mid per tune, named <base><X>.mid); returns the folder. */
export function abcToMidi(abc2midi: string, abcFile: string, tag: string): string {
  const base = basename(abcFile, '.abc');
  const dir = join(CACHE_DIR, 'abc', tag, base);
  if (!existsSync(join(dir, '.done'))) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    copyFileSync(abcFile, join(dir, `${base}.abc`));
    try {
      run(abc2midi, [`${base}.abc`], dir);
    } catch (e) {
      // abc2midi exits non-zero on some warnings; the tunes it wrote are still good.
      if (!readdirSync(dir).some((f) => f.endsWith('.mid'))) throw e;
    }
    copyFileSync(join(dir, `${base}.abc`), join(dir, '.done'));
  }
  return dir;
}

/** Unpacks a zip archive once (with Debian's unzip) and returns the folder. */
export function unzipOnce(zip: string, tag: string): string {
  const dir = join(CACHE_DIR, 'zip', tag);
  if (!existsSync(dir)) {
    const tmp = `${dir}.tmp`;
    rmSync(tmp, { recursive: true, force: true });
    mkdirSync(tmp, { recursive: true });
    run('unzip', ['-q', '-o', zip, '-d', tmp]);
    renameSync(tmp, dir);
  }
  return dir;
}
