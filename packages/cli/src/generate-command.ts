import { existsSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, extname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import {
  AnalysisError,
  analyzeClip,
  type BasicPitchModel,
  createInstrumentFactory,
  type Generation,
  GenerationError,
  generate,
  type NoteEvent,
  renderVariation,
  type SoundFontBank,
  transcribe,
  type Variation,
} from '@alams/engine';
import { decodeWav, encodeWav, WavFormatError } from '@alams/formats';
import { formatAnalysis } from './format-result.js';
import type { Progress } from './progress.js';
import { readClip } from './read-clip.js';

export interface GenerateCommandOptions {
  variations?: number;
  seed: number;
  styles?: string[];
  /** Folder for one WAV per variation; nothing is rendered without it. */
  renderDir?: string;
  notes: boolean;
  json: boolean;
  loadModel: () => Promise<BasicPitchModel>;
  /** The SoundFont for acoustic instruments; without it they play on the nearest native synth. */
  loadSoundFont?: () => Promise<SoundFontBank>;
  write: (text: string) => void;
  progress: Progress;
}

const ms = (x: number) => Math.round(x * 10) / 10;
const r3 = (x: number) => Math.round(x * 1000) / 1000;

function variationJson(v: Variation, file?: string) {
  return {
    id: v.id,
    name: v.name,
    style: v.style,
    family: v.family,
    bpm: v.bpm,
    timeSignature: v.timeSignature,
    key: v.key.label,
    feel: v.feel,
    fit: v.fit,
    followsPlayedChords: v.followsPlayedChords,
    sections: v.sections.map((s) => ({
      name: s.name,
      bars: s.bars,
      startSec: r3(s.startBar * v.beatsPerBar * v.anchor.beatSeconds),
      chords: s.chords.map((c) => c.label),
    })),
    parts: (['drums', 'bass', 'keys', 'pad', 'lead'] as const).map((part) => ({
      part,
      instrument: v.instruments[part],
      notes: v.sections.reduce((n, s) => n + (s.parts.find((p) => p.part === part)?.notes.length ?? 0), 0),
    })),
    ...(file ? { file } : {}),
  };
}

/** A path in `dir` that does not exist yet: `name.wav`, else `name-2.wav`, `name-3.wav`, ... */
function freshPath(dir: string, name: string): string {
  let path = join(dir, `${name}.wav`);
  for (let i = 2; existsSync(path); i++) path = join(dir, `${name}-${i}.wav`);
  return path;
}

/** Writes to a temporary name and renames into place, so a file is complete or absent. */
async function writeAtomically(path: string, bytes: Uint8Array): Promise<void> {
  const tmp = `${path}.partial-${process.pid}`;
  try {
    await writeFile(tmp, bytes);
    await rename(tmp, path);
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  }
}

function describe(e: unknown): { code: string; message: string } {
  if (e instanceof AnalysisError || e instanceof WavFormatError || e instanceof GenerationError)
    return { code: e.code, message: e.message };
  const err = e as NodeJS.ErrnoException;
  if (err?.code === 'ENOENT')
    return { code: 'not_found', message: `no such file or folder: ${err.path ?? ''}`.trim() };
  if (err?.code === 'EACCES' || err?.code === 'EPERM')
    return { code: 'permission_denied', message: `permission denied: ${err.path ?? ''}`.trim() };
  if (err?.code === 'ENOSPC')
    return { code: 'disk_full', message: 'the disk is full; nothing was left half-written' };
  if (err?.code === 'EISDIR') return { code: 'is_directory', message: 'this is a directory, not a WAV file' };
  return { code: 'internal', message: err instanceof Error ? err.message : String(e) };
}

function summary(
  file: string,
  g: Generation,
  files: (string | undefined)[],
  timings: Record<string, number>,
): string {
  const v0 = g.variations[0];
  const lines = [
    `${file}: ${v0.bpm} BPM ${v0.timeSignature} ${v0.key.label} — ${g.variations.length} variations (seed ${g.seed})`,
  ];
  g.variations.forEach((v, i) => {
    lines.push(
      `  ${v.id}  ${v.name.padEnd(16)} ${v.style.padEnd(13)} fit ${v.fit.toFixed(2)}  ${v.totalBars} bars${files[i] ? `  → ${files[i]}` : ''}`,
    );
  });
  lines.push(
    `  analysis ${timings.analysis} ms, generation ${timings.generation} ms${timings.render !== undefined ? `, render ${timings.render} ms` : ''}`,
  );
  return `${lines.join('\n')}\n`;
}

/**
 * `alams generate FILE.wav`: analyse, generate 3-5 variations and optionally render each to a 48 kHz
 * stereo 24-bit WAV. Prints one JSON object (`--json`) or a short table. Returns the exit status.
 */
export async function runGenerate(file: string, options: GenerateCommandOptions): Promise<number> {
  const fail = (e: unknown) => {
    const error = describe(e);
    options.write(
      options.json ? `${JSON.stringify({ file, error })}\n` : `alams generate: ${file}: ${error.message}\n`,
    );
    return 1;
  };
  let outcome: ReturnType<typeof analyzeClip>;
  const t0 = performance.now();
  try {
    options.progress.update('reading', 0);
    const audio = decodeWav(await readClip(file));
    let transcriber: ((mono: Float32Array) => NoteEvent[]) | undefined;
    if (options.notes) {
      options.progress.update('loading the notes model', 0.05);
      const model = await options.loadModel();
      transcriber = (mono) => transcribe(model, mono);
    }
    options.progress.update('analysing', 0.1);
    outcome = analyzeClip(
      {
        channels: audio.channels.length > 2 ? audio.channels.slice(0, 2) : audio.channels,
        sampleRate: audio.sampleRate,
      },
      { now: () => performance.now(), transcribe: transcriber },
    );
  } catch (e) {
    options.progress.done();
    return fail(e);
  }
  const analysisMs = performance.now() - t0;
  if (outcome.status !== 'ok') {
    options.progress.done();
    const analysis = formatAnalysis(file, outcome);
    options.write(
      options.json
        ? `${JSON.stringify({ file, analysis, error: { code: 'no_musical_content', message: outcome.message } })}\n`
        : `alams generate: ${file}: ${outcome.message}\n`,
    );
    return 1;
  }
  let g: Generation;
  const t1 = performance.now();
  try {
    g = generate(outcome, options.seed, { variations: options.variations, styles: options.styles });
  } catch (e) {
    options.progress.done();
    return fail(e);
  }
  const generationMs = performance.now() - t1;
  const files: (string | undefined)[] = [];
  let renderMs: number | undefined;
  if (options.renderDir) {
    const t2 = performance.now();
    try {
      const dir = resolve(options.renderDir);
      await mkdir(dir, { recursive: true });
      options.progress.update('loading the SoundFont', 0.15);
      const createInstrument = createInstrumentFactory(
        options.loadSoundFont ? await options.loadSoundFont() : undefined,
      );
      const base = basename(file, extname(file)).replace(/[^\p{L}\p{N}._-]+/gu, '_') || 'clip';
      for (let i = 0; i < g.variations.length; i++) {
        const v = g.variations[i];
        const audio = renderVariation(g, i, {
          createInstrument,
          onProgress: (f) =>
            options.progress.update(`rendering ${v.name}`, 0.2 + (0.8 * (i + f)) / g.variations.length),
        });
        const path = freshPath(dir, `${base}_${v.id}_${v.style}`);
        await writeAtomically(
          path,
          encodeWav(
            { channels: [audio.left, audio.right], sampleRate: audio.sampleRate },
            { encoding: 'pcm24' },
          ),
        );
        files.push(path);
      }
    } catch (e) {
      options.progress.done();
      return fail(e);
    }
    renderMs = performance.now() - t2;
  }
  options.progress.done();
  const timingsMs = {
    analysis: ms(analysisMs),
    generation: ms(generationMs),
    ...(renderMs !== undefined ? { render: ms(renderMs) } : {}),
  };
  if (options.json) {
    options.write(
      `${JSON.stringify({
        analysis: formatAnalysis(file, outcome),
        seed: g.seed,
        variations: g.variations.map((v, i) => variationJson(v, files[i])),
        timingsMs,
      })}\n`,
    );
  } else options.write(summary(file, g, files, timingsMs));
  return 0;
}
