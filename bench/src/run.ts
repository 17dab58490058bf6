/**
 * `npm run bench`: speed and accuracy figures, one JSON line each ({"name", "value", "unit", ...}).
 * Runs pinned to one core (see the root package.json). Needs the evaluation set: `npm run eval-set -w @alams/bench`.
 */
import { existsSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { analyzeClip, NoteTranscriber, transcribe } from '@alams/engine';
import { loadBasicPitchModel } from '../../packages/cli/dist/node-model-loader.js';
import { type Aggregate, runAccuracy } from './accuracy.js';
import { bandSpeed } from './band-bench.js';
import { loadManifest } from './manifest.js';
import { analyse as ours } from './ours.js';
import { EVAL_SET_DIR, MANIFEST_PATH } from './paths.js';
import { readWav } from './wav.js';

const machine = `${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores, Node ${process.version}`;

function emit(name: string, value: number, unit: string, extra: Record<string, unknown> = {}): void {
  process.stdout.write(
    `${JSON.stringify({ name, value: Math.round(value * 1000) / 1000, unit, ...extra })}\n`,
  );
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1];
}

function speed(clipPath: string): void {
  const clip = readWav(clipPath);
  for (let i = 0; i < 3; i++) analyzeClip(clip);
  const totals: number[] = [];
  const stages: Record<string, number[]> = {};
  for (let i = 0; i < 15; i++) {
    const t0 = performance.now();
    const r = analyzeClip(clip, { now: () => performance.now() });
    totals.push(performance.now() - t0);
    for (const [k, v] of Object.entries(r.timingsMs)) (stages[k] ??= []).push(v);
  }
  const extra = { clip: '20 s stereo 48 kHz', machine };
  emit('analysis_without_notes_20s', median(totals), 'ms', extra);
  for (const [k, v] of Object.entries(stages)) emit(`analysis_stage_${k}`, median(v), 'ms');
  emit('analysis_peak_rss', process.resourceUsage().maxRSS / 1024, 'MB', {
    note: 'whole process, before the notes model loads',
  });
}

async function notes(clipPath: string): Promise<void> {
  const clip = readWav(clipPath);
  const r = analyzeClip(clip);
  if (r.status !== 'ok') throw new Error('speed clip has no musical content');
  const { resample, downmix } = await import('@alams/engine');
  const mono = resample(downmix(clip.channels), clip.sampleRate, 22050, 'analysis');
  const model = await loadBasicPitchModel();
  transcribe(model, mono.subarray(0, 22050 * 3));
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  transcribe(model, mono);
  const wall = performance.now() - t0;
  const cpu = process.cpuUsage(c0);
  const seconds = mono.length / 22050;
  emit('notes_cpu_per_audio_second', (cpu.user + cpu.system) / 1e6 / seconds, 's/s', {
    backend: model.backend,
  });
  emit('notes_one_shot_20s', wall, 'ms');

  // Incremental: audio arrives in 0.5 s chunks while the musician plays; CAPTURE then calls finish().
  const live = new NoteTranscriber(model);
  const chunk = 11025;
  const pushTimes: number[] = [];
  for (let i = 0; i < mono.length; i += chunk) {
    const p0 = performance.now();
    live.push(mono.subarray(i, Math.min(mono.length, i + chunk)));
    pushTimes.push(performance.now() - p0);
  }
  const f0 = performance.now();
  live.finish();
  emit('notes_left_at_capture', performance.now() - f0, 'ms', { note: 'finish() after incremental push' });
  emit('notes_longest_push_0.5s_chunk', Math.max(...pushTimes), 'ms');
  emit('notes_transcriber_memory', live.memoryBytes / 1e6, 'MB');
  model.dispose();
}

function accuracyLines(system: string, split: string, a: Aggregate | undefined): void {
  if (!a) return;
  const extra = { system, split, n: a.n };
  emit(`tempo_acc1_${split}_${system}`, 100 * a.acc1, '%', extra);
  emit(`tempo_acc2_${split}_${system}`, 100 * a.acc2, '%', extra);
  emit(`beat_f_measure_${split}_${system}`, 100 * a.beatF, '%', extra);
  emit(`key_mirex_${split}_${system}`, 100 * a.keyScore, '%', { ...extra, n: a.nKey });
  emit(`ms_per_excerpt_${split}_${system}`, a.msPerExcerpt, 'ms', extra);
}

async function main(): Promise<void> {
  if (!existsSync(MANIFEST_PATH)) throw new Error('no evaluation manifest');
  const manifest = loadManifest(MANIFEST_PATH);
  const speedClip = join(EVAL_SET_DIR, manifest.excerpts.find((e) => e.split === 'test')!.audio);
  if (!existsSync(speedClip)) {
    throw new Error(
      `${speedClip} is missing: run \`npm run eval-set -w @alams/bench\` first (renders the set)`,
    );
  }
  speed(speedClip);
  await bandSpeed(readWav(speedClip), emit);
  await notes(speedClip);
  for (const split of ['test', 'tune'] as const) {
    const report = await runAccuracy(ours, split, {
      essentia: process.env.ESSENTIA === 'run' ? 'run' : 'cache',
    });
    accuracyLines('alams', split, report.ours);
    accuracyLines('essentia', split, report.essentia);
  }
}

main().catch((e) => {
  process.stderr.write(`bench: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 1;
});
