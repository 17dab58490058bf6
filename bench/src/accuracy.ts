/**
 * The accuracy runner: our analyser and the essentia.js baseline on every excerpt of a split of the
 * evaluation set, scored with the MIREX-style measures of metrics.ts.
 */
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { type BaselineResult, essentiaBaseline, essentiaVersion } from './essentia-baseline.js';
import { type Key, keyName } from './keys.js';
import { type Excerpt, loadManifest, type Split } from './manifest.js';
import { beatFMeasure, keyScore, tempoAcc1, tempoAcc2 } from './metrics.js';
import { CACHE_DIR, MANIFEST_PATH } from './paths.js';
import { type Clip, readWav } from './wav.js';

export interface AnalysisResult {
  bpm: number;
  beats: number[];
  key: { tonic: string; mode: string } | null;
}

export type Analyse = (clip: {
  channels: Float32Array[];
  sampleRate: number;
}) => AnalysisResult | Promise<AnalysisResult>;

export interface Aggregate {
  /** Excerpts scored (tempo and beats). */
  n: number;
  /** Excerpts with a reference key (the key score is their mean). */
  nKey: number;
  acc1: number;
  acc2: number;
  beatF: number;
  keyScore: number;
  msPerExcerpt: number;
  /** Excerpts on which the system threw (scored as wrong). */
  errors: number;
}

export interface SystemRow {
  bpm: number;
  acc1: boolean;
  acc2: boolean;
  beatF: number;
  key: string;
  keyScore: number | null;
  ms: number;
  error?: string;
}

export interface ExcerptRow {
  id: string;
  split: Split;
  refBpm: number;
  refKey: string;
  timeSignature: string;
  ours?: SystemRow;
  essentia?: SystemRow;
}

export interface AccuracyReport {
  split: Split | 'all';
  ours?: Aggregate;
  essentia?: Aggregate;
  rows: ExcerptRow[];
}

export interface AccuracyOptions {
  manifestPath?: string;
  /**
   * 'cache' (default): reuse essentia's results for unchanged audio from bench/.cache (they are
   * deterministic; the stored time is that of the run that made them); 'run': always run it;
   * 'off': leave the baseline out.
   */
  essentia?: 'cache' | 'run' | 'off';
  /** Called after each excerpt, for progress output. */
  onRow?: (row: ExcerptRow, index: number, total: number) => void;
}

function score(ex: Excerpt, r: AnalysisResult, ms: number): SystemRow {
  return {
    bpm: r.bpm,
    acc1: tempoAcc1(r.bpm, ex.bpm),
    acc2: tempoAcc2(r.bpm, ex.bpm),
    beatF: beatFMeasure(r.beats, ex.beats).f,
    key: r.key ? `${r.key.tonic} ${r.key.mode}` : '-',
    keyScore: ex.key ? keyScore(r.key, ex.key) : null,
    ms,
  };
}

function failed(ex: Excerpt, e: unknown): SystemRow {
  return { ...score(ex, { bpm: Number.NaN, beats: [], key: null }, 0), error: String(e) };
}

function aggregate(rows: (SystemRow | undefined)[]): Aggregate {
  const rs = rows.filter((r): r is SystemRow => r !== undefined);
  const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : Number.NaN);
  const keyed = rs.filter((r) => r.keyScore !== null);
  const ok = rs.filter((r) => !r.error);
  return {
    n: rs.length,
    nKey: keyed.length,
    acc1: mean(rs.map((r) => (r.acc1 ? 1 : 0))),
    acc2: mean(rs.map((r) => (r.acc2 ? 1 : 0))),
    beatF: mean(rs.map((r) => r.beatF)),
    keyScore: mean(keyed.map((r) => r.keyScore as number)),
    msPerExcerpt: mean(ok.map((r) => r.ms)),
    errors: rs.length - ok.length,
  };
}

interface CacheEntry {
  stamp: string;
  result: BaselineResult;
}

const CACHE_PATH = join(CACHE_DIR, 'essentia-results.json');

function audioStamp(wav: string): string {
  const sidecar = wav.replace(/\.wav$/, '.json');
  const s = statSync(wav);
  return existsSync(sidecar) ? readFileSync(sidecar, 'utf8') : `${s.size}:${s.mtimeMs}`;
}

export async function runAccuracy(
  analyse: Analyse | null,
  split: Split | 'all' = 'test',
  options: AccuracyOptions = {},
): Promise<AccuracyReport> {
  const manifestPath = options.manifestPath ?? MANIFEST_PATH;
  const mode = options.essentia ?? 'cache';
  const manifest = loadManifest(manifestPath);
  const excerpts = manifest.excerpts.filter((e) => split === 'all' || e.split === split);
  const cache: Record<string, CacheEntry> =
    mode === 'cache' && existsSync(CACHE_PATH) ? JSON.parse(readFileSync(CACHE_PATH, 'utf8')) : {};
  const version = mode === 'off' ? '' : essentiaVersion();
  const rows: ExcerptRow[] = [];
  for (const [i, ex] of excerpts.entries()) {
    const wav = join(dirname(manifestPath), ex.audio);
    if (!existsSync(wav))
      throw new Error(`${wav} is missing: run \`npm run eval-set -w @alams/bench\` first`);
    const clip: Clip = readWav(wav);
    const row: ExcerptRow = {
      id: ex.id,
      split: ex.split,
      refBpm: ex.bpm,
      refKey: keyName(ex.key as Key | null),
      timeSignature: ex.timeSignature,
    };
    if (analyse) {
      try {
        const copy = { channels: clip.channels.map((c) => c.slice()), sampleRate: clip.sampleRate };
        const t0 = performance.now();
        const r = await analyse(copy);
        row.ours = score(ex, r, performance.now() - t0);
      } catch (e) {
        row.ours = failed(ex, e);
      }
    }
    if (mode !== 'off') {
      const stamp = `${version}|${audioStamp(wav)}`;
      let result = cache[ex.id]?.stamp === stamp ? cache[ex.id].result : undefined;
      try {
        if (!result) {
          result = essentiaBaseline(clip);
          cache[ex.id] = { stamp, result };
        }
        row.essentia = score(ex, result, result.ms);
      } catch (e) {
        row.essentia = failed(ex, e);
      }
    }
    rows.push(row);
    options.onRow?.(row, i, excerpts.length);
  }
  if (mode !== 'off') {
    mkdirSync(CACHE_DIR, { recursive: true });
    const all: Record<string, CacheEntry> = existsSync(CACHE_PATH)
      ? JSON.parse(readFileSync(CACHE_PATH, 'utf8'))
      : {};
    writeFileSync(CACHE_PATH, JSON.stringify({ ...all, ...cache }));
  }
  return {
    split,
    ...(analyse ? { ours: aggregate(rows.map((r) => r.ours)) } : {}),
    ...(mode !== 'off' ? { essentia: aggregate(rows.map((r) => r.essentia)) } : {}),
    rows,
  };
}
