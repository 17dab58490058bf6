/** Choosing excerpt windows: a bar line after any silence, one tempo (±4 %), one meter, one key. */
import { beatGrid, beatUnit, type GridBeat, meterAt } from './grid.js';
import type { Timeline } from './timeline.js';
import { quarterBpmAt } from './timeline.js';

export interface Window {
  start: number;
  duration: number;
  /** Beats and downbeats in seconds from the window start. */
  beats: number[];
  downbeats: number[];
  bpm: number;
  meter: string;
  /** Key signature in force (index into timeline.keys), or -1 when the file has none. */
  keyIndex: number;
}

export interface SelectOptions {
  duration: number;
  /** Largest allowed ratio between the fastest and slowest tempo inside the window, minus one. */
  maxTempoChange: number;
  /** Longest stretch without any note onset inside the window, in seconds. */
  maxGap: number;
}

/** Share of the window's note onsets that must fall within 1/16 beat of a grid beat. */
const MIN_ON_BEAT = 0.2;

export const DEFAULTS: SelectOptions = { duration: 20, maxTempoChange: 0.04, maxGap: 2.5 };

/** All valid windows of a piece, each starting on a bar line of the grid counted from `originTick`. */
export function candidateWindows(tl: Timeline, originTick: number, opt = DEFAULTS): Window[] {
  const lastTick = tl.notes.reduce((m, n) => Math.max(m, n.endTick), 0);
  const grid = beatGrid(tl, originTick, lastTick + tl.ppq * 16);
  const onsets = [...new Set(tl.notes.map((n) => n.start))].sort((a, b) => a - b);
  if (onsets.length === 0) return [];
  const firstOnset = onsets[0];
  const lastEnd = tl.end;
  const out: Window[] = [];
  for (const bar of grid) {
    if (!bar.downbeat || bar.sec < firstOnset - 1e-3) continue;
    const end = bar.sec + opt.duration;
    if (end > lastEnd) break;
    const w = checkWindow(tl, grid, onsets, bar, end, opt);
    if (w) out.push(w);
  }
  return out;
}

function checkWindow(
  tl: Timeline,
  grid: GridBeat[],
  onsets: number[],
  bar: GridBeat,
  end: number,
  opt: SelectOptions,
): Window | null {
  const t0 = bar.sec;
  // music right from the bar line, no long silences, still playing at the end
  const inside = onsets.filter((t) => t >= t0 - 1e-3 && t < end);
  if (inside.length < 8 || inside[0] > t0 + 0.05) return null;
  let prev = t0;
  for (const t of inside) {
    if (t - prev > opt.maxGap) return null;
    prev = t;
  }
  if (end - prev > opt.maxGap) return null;
  // one meter, with an unambiguous beat level
  const beats = grid.filter((b) => b.sec >= t0 - 1e-9 && b.sec < end - 1e-3);
  if (beats.some((b) => b.meter !== bar.meter)) return null;
  const m = meterAt(tl.meters, bar.tick);
  const unit = beatUnit(m, tl.ppq);
  if (unit.ambiguous) return null;
  // one tempo (within the tolerance)
  const endTick = beats[beats.length - 1].tick + unit.beatTicks;
  const bpms = [quarterBpmAt(tl.tempos, bar.tick)];
  for (const t of tl.tempos) if (t.tick > bar.tick && t.tick < endTick) bpms.push(6e7 / t.uspq);
  if (Math.max(...bpms) / Math.min(...bpms) - 1 > opt.maxTempoChange) return null;
  // one key signature (repeats of the same signature are fine)
  const keyAt = (tick: number) => {
    let k = -1;
    tl.keys.forEach((ks, i) => {
      if (ks.tick <= tick) k = i;
    });
    return k;
  };
  // Before the first key signature (sequencers often write it after a lead-in) the first one holds.
  const k0 = Math.max(keyAt(bar.tick), tl.keys.length > 0 ? 0 : -1);
  for (let i = 0; i < tl.keys.length; i++) {
    const ks = tl.keys[i];
    if (ks.tick > bar.tick && ks.tick < endTick && k0 >= 0) {
      const a = tl.keys[k0];
      if (ks.sf !== a.sf || ks.minor !== a.minor) return null;
    }
  }
  // the notes sit on the grid: a fair share of onsets falls on beats (catches files whose notes are
  // shifted against their own tempo map)
  const onBeat = inside.filter((t) =>
    beats.some((b) => Math.abs(b.sec - t) <= ((60 / bpms[0]) * (tl.ppq / unit.beatTicks)) / 16),
  );
  if (onBeat.length < MIN_ON_BEAT * inside.length) return null;
  const rel = beats.map((b) => round(b.sec - t0));
  const ibis = rel
    .slice(1)
    .map((t, i) => t - rel[i])
    .sort((a, b) => a - b);
  const bpm = 60 / ibis[Math.floor(ibis.length / 2)];
  return {
    start: t0,
    duration: opt.duration,
    beats: rel,
    downbeats: beats.filter((b) => b.downbeat).map((b) => round(b.sec - t0)),
    bpm: Math.round(bpm * 1000) / 1000,
    meter: bar.meter,
    keyIndex: k0,
  };
}

const round = (x: number) => Math.round(x * 1e6) / 1e6;

/** The window nearest to a fraction of the way through the piece (0 = first valid window). */
export function pickWindow(
  cands: Window[],
  tl: Timeline,
  at: number,
  avoid: Window[] = [],
): Window | undefined {
  const free = cands.filter((c) =>
    avoid.every((a) => c.start >= a.start + a.duration || c.start + c.duration <= a.start),
  );
  if (free.length === 0) return undefined;
  const first = tl.notes[0]?.start ?? 0;
  const target = first + at * Math.max(0, tl.end - first - free[0].duration);
  return free.reduce((best, c) => (Math.abs(c.start - target) < Math.abs(best.start - target) ? c : best));
}

/**
 * How well the bar grid fits the music: onset weight (bass notes and kick drums count most) on each
 * beat position of the bar over the first bars. Returns the best position in beats (0 = the grid's
 * downbeat) and the share of weight on the grid's downbeat versus the best position.
 */
export function downbeatPhase(tl: Timeline, originTick: number, bars = 16): { best: number; ratio: number } {
  const m = meterAt(tl.meters, originTick);
  const { beatTicks, beatsPerBar } = beatUnit(m, tl.ppq);
  const barTicks = beatTicks * beatsPerBar;
  const w = new Array<number>(beatsPerBar).fill(0);
  for (const n of tl.notes) {
    const rel = n.startTick - originTick;
    if (rel < 0 || rel >= bars * barTicks) continue;
    const posInBeat = rel % beatTicks;
    if (posInBeat > tl.ppq / 16 && beatTicks - posInBeat > tl.ppq / 16) continue;
    const beat = Math.round(rel / beatTicks) % beatsPerBar;
    const isKick = n.channel === 9 && (n.pitch === 35 || n.pitch === 36);
    const isBass = n.channel !== 9 && n.pitch < 48;
    w[beat] += (isKick || isBass ? 3 : n.channel === 9 ? 0.5 : 1) * (n.velocity / 127);
  }
  const best = w.indexOf(Math.max(...w));
  return { best, ratio: w[best] > 0 ? w[0] / w[best] : 1 };
}
