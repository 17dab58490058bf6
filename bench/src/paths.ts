import { fileURLToPath } from 'node:url';

/** The bench/ folder, whether running from src/ (vitest) or dist/ (compiled). */
export const BENCH_DIR = fileURLToPath(new URL('..', import.meta.url));
export const CACHE_DIR = `${BENCH_DIR}.cache`;
export const EVAL_SET_DIR = `${BENCH_DIR}eval-set`;
export const MANIFEST_PATH = `${EVAL_SET_DIR}/manifest.json`;
export const AUDIO_DIR = `${EVAL_SET_DIR}/audio`;
export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
