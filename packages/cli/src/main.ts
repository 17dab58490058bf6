import { runAnalyze } from './analyze-command.js';
import { runGenerate } from './generate-command.js';
import { loadBasicPitchModel } from './node-model-loader.js';
import { terminalProgress } from './progress.js';
import { loadFluidR3Mono } from './soundfont-loader.js';

const USAGE = `alams — ALAMS command line

Usage:
  alams analyze [--no-notes] FILE.wav [FILE.wav ...]
      Analyse 1-30 s clips: tempo, beats, downbeats, time signature, key, chords,
      notes (Basic Pitch), loudness and style. Prints one JSON object per file.
      --no-notes   skip note transcription (much faster)

  alams generate FILE.wav [--variations N] [--seed S] [--styles a,b,...]
                 [--render DIR] [--no-notes] [--json]
      Analyse the clip and write 3-5 backing-track variations in its tempo, metre
      and key (default 5, seed 1). --render renders each whole arrangement to a
      48 kHz stereo 24-bit WAV in DIR. --json prints one JSON object; otherwise a
      short table. Styles: chill-beats, electronic, synthwave, acoustic-pop,
      piano-ballad, rock, funk, jazz-trio, bossa-nova, reggae, latin, chamber,
      ambient.

  alams --help      this text
  alams --version   the version
`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(USAGE);
    return command ? 0 : 2;
  }
  if (command === '--version' || command === '-v') {
    process.stdout.write('alams 0.1.0\n');
    return 0;
  }
  if (command === 'analyze' || command === 'analyse') {
    const unknown = rest.filter((a) => a.startsWith('--') && a !== '--no-notes');
    if (unknown.length > 0) {
      process.stderr.write(`alams analyze: unknown option ${unknown[0]}\n\n${USAGE}`);
      return 2;
    }
    const files = rest.filter((a) => !a.startsWith('--'));
    if (files.length === 0) {
      process.stderr.write(`alams analyze: no files given\n\n${USAGE}`);
      return 2;
    }
    return runAnalyze(files, {
      notes: !rest.includes('--no-notes'),
      loadModel: () => loadBasicPitchModel(),
      write: (line) => process.stdout.write(`${line}\n`),
    });
  }
  if (command === 'generate') return generateCommand(rest);
  process.stderr.write(`alams: unknown command '${command}'\n\n${USAGE}`);
  return 2;
}

/** Parses `alams generate` arguments; usage errors exit 2 with the usage text. */
async function generateCommand(args: string[]): Promise<number> {
  const usage = (message: string) => {
    process.stderr.write(`alams generate: ${message}\n\n${USAGE}`);
    return 2;
  };
  const files: string[] = [];
  const options = { seed: 1, notes: true, json: false } as {
    seed: number;
    notes: boolean;
    json: boolean;
    variations?: number;
    styles?: string[];
    renderDir?: string;
  };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const value = () => {
      const v = args[++i];
      if (v === undefined || v.startsWith('--')) throw new Error(`${a} needs a value`);
      return v;
    };
    try {
      if (a === '--json') options.json = true;
      else if (a === '--no-notes') options.notes = false;
      else if (a === '--variations') options.variations = Number(value());
      else if (a === '--seed') {
        const s = Number(value());
        if (!Number.isInteger(s) || s < 0 || s > 0xffffffff)
          return usage('--seed must be a whole number from 0 to 4294967295');
        options.seed = s;
      } else if (a === '--styles')
        options.styles = value()
          .split(',')
          .map((x) => x.trim())
          .filter(Boolean);
      else if (a === '--render') options.renderDir = value();
      else if (a.startsWith('--')) return usage(`unknown option ${a}`);
      else files.push(a);
    } catch (e) {
      return usage((e as Error).message);
    }
  }
  if (files.length !== 1) return usage(files.length === 0 ? 'no file given' : 'give one file');
  return runGenerate(files[0], {
    ...options,
    loadModel: () => loadBasicPitchModel(),
    loadSoundFont: loadFluidR3Mono,
    write: (text) => process.stdout.write(text),
    progress: terminalProgress(),
  });
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    process.stderr.write(`alams: ${e instanceof Error ? e.stack : String(e)}\n`);
    process.exitCode = 1;
  },
);
