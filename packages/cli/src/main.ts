import { runAnalyze } from './analyze-command.js';
import { loadBasicPitchModel } from './node-model-loader.js';

const USAGE = `alams — ALAMS command line

Usage:
  alams analyze [--no-notes] FILE.wav [FILE.wav ...]
      Analyse 1-30 s clips: tempo, beats, downbeats, time signature, key, chords,
      notes (Basic Pitch), loudness and style. Prints one JSON object per file.
      --no-notes   skip note transcription (much faster)

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
  process.stderr.write(`alams: unknown command '${command}'\n\n${USAGE}`);
  return 2;
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
