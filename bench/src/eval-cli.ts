/**
 * Prints the accuracy table for one split of the evaluation set.
 *
 *   npm run eval -w @alams/bench -- [--split tune|test|all] [--analyser <module>[#export]]
 *                                   [--essentia cache|run|off] [--rows]
 *
 * --analyser names an ES module (path or package) exporting a function with the `Analyse` signature of
 * accuracy.ts (default export name: `analyse`). Without it only the essentia.js baseline is run.
 */
import { isAbsolute, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Aggregate, type Analyse, type ExcerptRow, runAccuracy, type SystemRow } from './accuracy.js';
import type { Split } from './manifest.js';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function loadAnalyser(spec: string): Promise<Analyse> {
  const [mod, name = 'analyse'] = spec.split('#');
  const url = mod.startsWith('.') || isAbsolute(mod) ? pathToFileURL(resolve(mod)).href : mod;
  const m = (await import(url)) as Record<string, unknown>;
  const f = m[name];
  if (typeof f !== 'function') throw new Error(`${mod} exports no function named ${name}`);
  return f as Analyse;
}

const pct = (x: number) => (Number.isNaN(x) ? '   -  ' : `${(100 * x).toFixed(1).padStart(5)}%`);
const num = (x: number, w = 7, d = 1) => (Number.isFinite(x) ? x.toFixed(d) : '-').padStart(w);

function summary(name: string, a: Aggregate): string {
  return [
    name.padEnd(10),
    String(a.n).padStart(4),
    pct(a.acc1),
    pct(a.acc2),
    pct(a.beatF),
    `${pct(a.keyScore)} (${a.nKey})`,
    num(a.msPerExcerpt, 9, 0),
    a.errors ? `  ${a.errors} errors` : '',
  ].join('  ');
}

function cell(r: SystemRow | undefined): string {
  if (!r) return '';
  const key = `${r.key}${r.keyScore === null ? '' : ` ${r.keyScore.toFixed(1)}`}`;
  return `${num(r.bpm, 6)}${r.acc1 ? '✓' : r.acc2 ? '~' : '✗'} F${r.beatF.toFixed(2)} ${key.padEnd(14)}${r.error ? ` ERR ${r.error.slice(0, 40)}` : ''}`;
}

function rowLine(r: ExcerptRow): string {
  return [
    r.id.padEnd(36),
    r.split.padEnd(4),
    num(r.refBpm, 6),
    r.timeSignature.padEnd(4),
    r.refKey.padEnd(9),
    r.ours ? `| ours ${cell(r.ours)}` : '',
    r.essentia ? `| ess ${cell(r.essentia)}` : '',
  ].join(' ');
}

async function main() {
  const split = (arg('split') ?? 'tune') as Split | 'all';
  if (!['tune', 'test', 'all'].includes(split)) throw new Error('--split must be tune, test or all');
  const essentia = (arg('essentia') ?? 'cache') as 'cache' | 'run' | 'off';
  const spec = arg('analyser');
  const analyse = spec ? await loadAnalyser(spec) : null;
  const showRows = process.argv.includes('--rows');
  const report = await runAccuracy(analyse, split, {
    essentia,
    onRow: (row, i, total) => {
      if (showRows) console.log(rowLine(row));
      else process.stderr.write(`\r${i + 1}/${total}`);
    },
  });
  if (!showRows) process.stderr.write('\n');
  console.log(`\nsplit: ${split}   (Acc1/Acc2: tempo within 4 %; beat F: ±70 ms; key: MIREX weighted)`);
  console.log('system       n    Acc1    Acc2   beat F   key (n)    ms/excerpt');
  if (report.ours) console.log(summary('ours', report.ours));
  if (report.essentia) console.log(summary('essentia', report.essentia));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
