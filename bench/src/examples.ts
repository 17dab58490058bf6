/**
 * `npm run examples`: renders backing tracks for a few excerpts of the evaluation set (real music nobody
 * here wrote) with the real `alams generate` command, into examples/ at the repository root, and writes
 * examples/README.md linking every file. The audio is produced, never committed.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { loadManifest } from './manifest.js';
import { EVAL_SET_DIR, MANIFEST_PATH, REPO_ROOT } from './paths.js';

/** Excerpts in different metres and feels (test split, so nothing was tuned on them). */
const PICKS = ['pianobooster-skip-to-my-lou', 'mma-fella-bird', 'abc-horses-branle'];

interface GenerateJson {
  analysis: { bpm: number; keyLabel: string; timeSignature: string };
  variations: {
    id: string;
    name: string;
    style: string;
    fit: number;
    file: string;
    sections: { name: string; bars: number }[];
  }[];
}

function main(): void {
  const manifest = loadManifest(MANIFEST_PATH);
  const out = join(REPO_ROOT, 'examples');
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const lines = [
    '# Rendered examples',
    '',
    'Made by `npm run examples` (not committed): each source excerpt from the evaluation set, then the five',
    'variations `alams generate --render` wrote for it (seed 1, FluidR3Mono and our synths).',
    '',
  ];
  const cli = join(REPO_ROOT, 'packages/cli/bin/alams.js');
  for (const id of PICKS) {
    const ex = manifest.excerpts.find((e) => e.id === id);
    if (!ex) throw new Error(`${id} is not in the evaluation manifest`);
    const wav = join(EVAL_SET_DIR, ex.audio);
    if (!existsSync(wav))
      throw new Error(`${wav} is missing: run \`npm run eval-set -w @alams/bench\` first`);
    const dir = join(out, id);
    process.stderr.write(`${id}: generating and rendering …\n`);
    const json = execFileSync(
      process.execPath,
      [cli, 'generate', wav, '--render', dir, '--json', '--no-notes'],
      {
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
      },
    );
    const g = JSON.parse(json) as GenerateJson;
    lines.push(`## ${ex.source.title ?? id}`, '');
    lines.push(
      `Source: \`${relative(out, wav)}\` (${ex.source.package} ${ex.source.version}, ${ex.licence}); analysed as ${g.analysis.bpm} BPM ${g.analysis.timeSignature}, ${g.analysis.keyLabel}.`,
      '',
    );
    lines.push('| variation | style | fit | form | file |', '| --- | --- | --- | --- | --- |');
    for (const v of g.variations) {
      const form = v.sections.map((s) => `${s.name} ${s.bars}`).join(', ');
      lines.push(
        `| ${v.id} ${v.name} | ${v.style} | ${v.fit.toFixed(2)} | ${form} | [${relative(out, v.file)}](${relative(out, v.file)}) |`,
      );
    }
    lines.push('');
  }
  writeFileSync(join(out, 'README.md'), `${lines.join('\n')}\n`);
  process.stderr.write(`wrote ${join(out, 'README.md')}\n`);
}

main();
