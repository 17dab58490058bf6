/**
 * Learns the engine's generation models (groove families and chord progressions) from MIDI and chord
 * material in Debian packages and writes them to packages/engine/src/generate/models/*.data.ts.
 * Run with `npm run train -w @alams/bench`. Deterministic: the same packages give the same bytes.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { splitTunes } from '../eval-set/abc.js';
import { unpack } from '../eval-set/debian.js';
import { parseSmf } from '../eval-set/smf.js';
import { PACKAGES } from '../eval-set/sources.js';
import { BENCH_DIR, CACHE_DIR } from '../paths.js';
import { abcChords, abcTuneKey, mmaChords, mmaKey } from './chord-corpus.js';
import { moduleText } from './emit.js';
import { FAMILIES, type FamilyReport, sourceName } from './groove-sources.js';
import {
  isBassTrack,
  isCompTrack,
  learnBass,
  learnComp,
  learnDrums,
  type SourceSong,
} from './learn-grooves.js';
import { noteTracks } from './midi-tracks.js';
import { renderGroove, SONG_CHORDS, SONG_ROOTS, SONG_TEMPO } from './mma-render.js';
import type { GrooveFamily, GrooveModels, ProgressionModels } from './model-types.js';
import { countProgressions, type KeyedSong, MIN_STATE_COUNT } from './progressions.js';
import { chooseSteps } from './quantise.js';
import { sourcesMarkdown } from './sources-doc.js';

const REPO = join(BENCH_DIR, '..');
const OUT = join(REPO, 'packages/engine/src/generate/models');
const TRAIN_CACHE = join(CACHE_DIR, 'train');
/** A song must change chord at least this often to say anything about progressions. */
const MIN_CHANGES = 4;

function filesUnder(dir: string, ext: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...filesUnder(p, ext));
    else if (name.endsWith(ext)) out.push(p);
  }
  return out;
}

function trainGrooves(mmaRoot: string): { models: GrooveModels; reports: FamilyReport[] } {
  const drums = {} as GrooveModels['drums'];
  const bass = {} as GrooveModels['bass'];
  const comp = {} as GrooveModels['comp'];
  const reports: FamilyReport[] = [];
  for (const family of Object.keys(FAMILIES) as GrooveFamily[]) {
    const spec = FAMILIES[family];
    const songs: SourceSong[] = [];
    let ppq = 0;
    for (const src of spec.sources) {
      const r = renderGroove({ root: mmaRoot }, TRAIN_CACHE, src);
      if (r.time !== spec.beatsPerBar)
        throw new Error(
          `${sourceName(src)} has ${r.time} beats a bar, family ${family} wants ${spec.beatsPerBar}`,
        );
      const smf = parseSmf(r.midi);
      if (ppq && smf.ppq !== ppq) throw new Error(`${sourceName(src)}: ppq ${smf.ppq} differs from ${ppq}`);
      ppq = smf.ppq;
      songs.push({ name: sourceName(src), tracks: noteTracks(smf), roots: SONG_ROOTS });
    }
    const ticksPerBar = spec.beatsPerBar * ppq;
    const onsets = songs.flatMap((s) =>
      s.tracks
        .filter((t) => t.channel === 9 || isBassTrack(t) || isCompTrack(t))
        .flatMap((t) => t.notes.map((n) => n.tick)),
    );
    const { steps, errors } = chooseSteps(onsets, 0, ticksPerBar, spec.stepCandidates);
    reports.push({ family, stepsPerBar: steps, errors });
    const meter = { beatsPerBar: spec.beatsPerBar, stepsPerBar: steps, ticksPerBar };
    drums[family] = learnDrums(songs, meter);
    bass[family] = learnBass(songs, meter);
    comp[family] = learnComp(songs, meter);
    for (const [part, m] of [
      ['drums', drums[family]],
      ['bass', bass[family]],
      ['comp', comp[family]],
    ] as const)
      if (m.sources.length === 0) throw new Error(`family ${family} has no ${part} source`);
  }
  return { models: { drums, bass, comp }, reports };
}

interface ChordCorpus {
  songs: KeyedSong[];
  skipped: string[];
}

function chordCorpus(roots: { mma: string; abcmidi: string; abcm2ps: string }): ChordCorpus {
  const songs: KeyedSong[] = [];
  const skipped: string[] = [];
  const seen = new Set<string>();
  const add = (source: string, song: Omit<KeyedSong, 'source'> | null, why: string) => {
    if (!song) {
      skipped.push(`${source}: ${why}`);
      return;
    }
    const sig = song.chords.map((c) => `${c.root}${c.quality}`).join(' ');
    if (seen.has(sig)) {
      skipped.push(`${source}: same chords as an earlier song`);
      return;
    }
    seen.add(sig);
    songs.push({ source, ...song });
  };
  const examples = join(roots.mma, 'usr/share/doc/mma/examples');
  for (const file of filesUnder(examples, '.mma')) {
    const text = readFileSync(file, 'utf8');
    const chords = mmaChords(text);
    const key = mmaKey(text, chords);
    const source = `mma examples/${relative(examples, file)}`;
    add(
      source,
      chords.length >= MIN_CHANGES && key ? { key, chords } : null,
      `${chords.length} chord changes`,
    );
  }
  for (const [pkg, root] of [
    ['abcmidi', roots.abcmidi],
    ['abcm2ps', roots.abcm2ps],
  ] as const) {
    const dir = join(root, `usr/share/doc/${pkg}/examples`);
    for (const file of filesUnder(dir, '.abc'))
      for (const tune of splitTunes(readFileSync(file, 'utf8'))) {
        const chords = abcChords(tune);
        const key = abcTuneKey(tune.header.get('K'));
        const source = `${pkg} examples/${relative(dir, file)} X:${tune.x}`;
        const why = key
          ? `${chords.length} chord changes`
          : `K: ${tune.header.get('K') ?? '-'} is no major/minor key`;
        add(source, chords.length >= MIN_CHANGES && key ? { key, chords } : null, why);
      }
  }
  return { songs, skipped };
}

function main() {
  const mma = unpack(PACKAGES.mma);
  const abcmidi = unpack(PACKAGES.abcmidi);
  const abcm2ps = unpack(PACKAGES.abcm2ps);

  const { models, reports } = trainGrooves(mma.root);
  for (const r of reports)
    console.log(
      `${r.family}: ${r.stepsPerBar} steps/bar (mean onset error in ticks: ${Object.entries(r.errors)
        .map(([s, e]) => `${s} → ${e.toFixed(1)}`)
        .join(', ')})`,
    );

  const corpus = chordCorpus({ mma: mma.root, abcmidi: abcmidi.root, abcm2ps: abcm2ps.root });
  const major = countProgressions(corpus.songs, 'major');
  const minor = countProgressions(corpus.songs, 'minor');
  const progressionSources = corpus.songs.map((s) => s.source);
  const progressions: ProgressionModels = {
    major: major.model,
    minor: minor.model,
    corpus: { major: major.changes, minor: minor.changes, sources: progressionSources },
  };
  const nSongs = (mode: string) => corpus.songs.filter((s) => s.key.mode === mode).length;
  console.log(
    `progressions: ${corpus.songs.length} songs; major ${nSongs('major')} songs, ${major.changes} changes, ${major.model.states.length} states; minor ${nSongs('minor')} songs, ${minor.changes} changes, ${minor.model.states.length} states`,
  );

  const grooveSources = Object.entries(FAMILIES).map(
    ([family, spec]) => `${family}: ${spec.sources.map((s) => `${s.lib}:${s.groove}`).join(', ')}`,
  );
  const groovesPath = join(OUT, 'grooves.data.ts');
  const progressionsPath = join(OUT, 'progressions.data.ts');
  writeFileSync(
    groovesPath,
    moduleText({
      name: 'GROOVE_MODELS',
      type: 'GrooveModels',
      value: models,
      sources: [`MMA ${mma.version} groove libraries (lib/<library>/<file>:<groove>):`, ...grooveSources],
      about: `Each groove rendered by MMA over ${SONG_CHORDS.length} bars (${SONG_CHORDS.join(' ')}) at ${SONG_TEMPO} bpm, onsets quantised to the step grid.`,
    }),
  );
  writeFileSync(
    progressionsPath,
    moduleText({
      name: 'PROGRESSION_MODELS',
      type: 'ProgressionModels',
      value: progressions,
      sources: [
        `MMA ${mma.version} example songs, abcmidi ${abcmidi.version} and abcm2ps ${abcm2ps.version} example tunes (${corpus.songs.length} songs, listed in corpus.sources)`,
      ],
      about: `Chord changes relative to each song's key; states seen fewer than ${MIN_STATE_COUNT} times are dropped.`,
    }),
  );
  const sourcesPath = join(OUT, 'SOURCES.md');
  writeFileSync(
    sourcesPath,
    sourcesMarkdown({
      versions: { mma: mma.version, abcmidi: abcmidi.version, abcm2ps: abcm2ps.version },
      reports,
      corpus: corpus.songs,
      skipped: corpus.skipped,
      changes: { major: major.changes, minor: minor.changes },
      states: { major: major.model.states.length, minor: minor.model.states.length },
    }),
  );
  execFileSync('npx', ['biome', 'format', '--write', groovesPath, progressionsPath, sourcesPath], {
    cwd: REPO,
    stdio: 'inherit',
  });
  for (const p of [groovesPath, progressionsPath])
    console.log(`wrote ${relative(REPO, p)} (${statSync(p).size} bytes)`);
}

main();
