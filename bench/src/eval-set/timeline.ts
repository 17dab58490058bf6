/** Tempo map, meter, key signatures and notes of a parsed MIDI file, in ticks and seconds. */
import type { Smf, SmfEvent } from './smf.js';

export interface TempoPoint {
  tick: number;
  /** Microseconds per quarter note from this tick on. */
  uspq: number;
  /** Seconds at this tick. */
  sec: number;
}

export interface Meter {
  tick: number;
  numerator: number;
  denominator: number;
}

export interface KeySig {
  tick: number;
  /** Sharps (>0) or flats (<0). */
  sf: number;
  minor: boolean;
}

export interface Note {
  channel: number;
  pitch: number;
  velocity: number;
  startTick: number;
  endTick: number;
  start: number;
  end: number;
}

export interface Timeline {
  ppq: number;
  tempos: TempoPoint[];
  meters: Meter[];
  keys: KeySig[];
  notes: Note[];
  /** Channel events and sysex with their times, for the renderer. */
  messages: { sec: number; bytes: number[] }[];
  /** Seconds at which the last note ends. */
  end: number;
}

export function buildTimeline(smf: Smf): Timeline {
  const { ppq } = smf;
  const tempos: TempoPoint[] = [{ tick: 0, uspq: 500000, sec: 0 }];
  for (const e of smf.events) {
    if (e.meta?.type !== 0x51 || e.meta.data.length < 3) continue;
    const d = e.meta.data;
    const uspq = (d[0] << 16) | (d[1] << 8) | d[2];
    const last = tempos[tempos.length - 1];
    const sec = last.sec + ((e.tick - last.tick) / ppq) * (last.uspq / 1e6);
    if (e.tick === last.tick) tempos[tempos.length - 1] = { tick: e.tick, uspq, sec: last.sec };
    else tempos.push({ tick: e.tick, uspq, sec });
  }
  const toSec = tickToSeconds(tempos, ppq);
  const meters: Meter[] = [];
  const keys: KeySig[] = [];
  for (const e of smf.events) {
    if (e.meta?.type === 0x58 && e.meta.data.length >= 2) {
      meters.push({ tick: e.tick, numerator: e.meta.data[0], denominator: 2 ** e.meta.data[1] });
    } else if (e.meta?.type === 0x59 && e.meta.data.length >= 2) {
      const sf = e.meta.data[0] > 127 ? e.meta.data[0] - 256 : e.meta.data[0];
      keys.push({ tick: e.tick, sf, minor: e.meta.data[1] === 1 });
    }
  }
  const notes = pairNotes(smf.events, toSec);
  const messages = smf.events.filter((e) => e.bytes).map((e) => ({ sec: toSec(e.tick), bytes: e.bytes! }));
  const end = notes.reduce((m, n) => Math.max(m, n.end), 0);
  return { ppq, tempos, meters, keys, notes, messages, end };
}

export function tickToSeconds(tempos: TempoPoint[], ppq: number): (tick: number) => number {
  return (tick) => {
    let i = tempos.length - 1;
    while (i > 0 && tempos[i].tick > tick) i--;
    const t = tempos[i];
    return t.sec + ((tick - t.tick) / ppq) * (t.uspq / 1e6);
  };
}

/** Quarter-note tempo (BPM) in force at a tick. */
export function quarterBpmAt(tempos: TempoPoint[], tick: number): number {
  let i = tempos.length - 1;
  while (i > 0 && tempos[i].tick > tick) i--;
  return 6e7 / tempos[i].uspq;
}

function pairNotes(events: SmfEvent[], toSec: (tick: number) => number): Note[] {
  const open = new Map<number, { tick: number; velocity: number }[]>();
  const notes: Note[] = [];
  for (const e of events) {
    const b = e.bytes;
    if (!b || b[0] >= 0xf0) continue;
    const type = b[0] & 0xf0;
    const channel = b[0] & 0x0f;
    if (type !== 0x80 && type !== 0x90) continue;
    const id = channel * 128 + b[1];
    if (type === 0x90 && b[2] > 0) {
      const list = open.get(id) ?? [];
      list.push({ tick: e.tick, velocity: b[2] });
      open.set(id, list);
    } else {
      const on = open.get(id)?.shift();
      if (on) notes.push(makeNote(channel, b[1], on.velocity, on.tick, e.tick, toSec));
    }
  }
  for (const [id, list] of open) {
    for (const on of list) notes.push(makeNote(id >> 7, id & 127, on.velocity, on.tick, on.tick, toSec));
  }
  return notes.sort((a, b) => a.startTick - b.startTick || a.pitch - b.pitch);
}

function makeNote(
  channel: number,
  pitch: number,
  velocity: number,
  startTick: number,
  endTick: number,
  toSec: (tick: number) => number,
): Note {
  return { channel, pitch, velocity, startTick, endTick, start: toSec(startTick), end: toSec(endTick) };
}
