import { performance } from 'node:perf_hooks';
import { AnalysisError, analyzeClip, type BasicPitchModel, type NoteEvent, transcribe } from '@alams/engine';
import { decodeWav, WavFormatError } from '@alams/formats';
import { formatAnalysis } from './format-result.js';
import { readClip } from './read-clip.js';

export interface AnalyzeCommandOptions {
  notes: boolean;
  /** Loads the transcription model once, on first need. */
  loadModel: () => Promise<BasicPitchModel>;
  write: (line: string) => void;
}

/** Why a file failed, as the JSON the CLI prints. */
function describeError(e: unknown): { code: string; message: string } {
  if (e instanceof AnalysisError || e instanceof WavFormatError) return { code: e.code, message: e.message };
  const err = e as NodeJS.ErrnoException;
  if (err?.code === 'ENOENT') return { code: 'not_found', message: 'no such file' };
  if (err?.code === 'EACCES')
    return { code: 'permission_denied', message: 'permission denied reading the file' };
  if (err?.code === 'EISDIR') return { code: 'is_directory', message: 'this is a directory, not a WAV file' };
  return { code: 'internal', message: err instanceof Error ? err.message : String(e) };
}

/**
 * `alams analyze`: one JSON line per file, in order. A file that fails prints `{"file", "error"}` and the
 * others still run; returns the exit status (1 if any file failed).
 */
export async function runAnalyze(files: string[], options: AnalyzeCommandOptions): Promise<number> {
  let failed = 0;
  let model: BasicPitchModel | undefined;
  for (const file of files) {
    try {
      const audio = decodeWav(await readClip(file));
      let transcriber: ((mono: Float32Array) => NoteEvent[]) | undefined;
      if (options.notes) {
        model ??= await options.loadModel();
        const m = model;
        transcriber = (mono) => transcribe(m, mono);
      }
      const outcome = analyzeClip(
        {
          channels: audio.channels.length > 2 ? audio.channels.slice(0, 2) : audio.channels,
          sampleRate: audio.sampleRate,
        },
        { now: () => performance.now(), transcribe: transcriber },
      );
      const line = formatAnalysis(file, outcome);
      if (audio.truncated) {
        (line.warnings as unknown[]).push({
          code: 'truncated_file',
          message: 'the WAV file ends early (cut off while recording?); analysed what is there',
        });
      }
      options.write(JSON.stringify(line));
    } catch (e) {
      failed++;
      options.write(JSON.stringify({ file, error: describeError(e) }));
    }
  }
  return failed > 0 ? 1 : 0;
}
