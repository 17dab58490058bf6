/** Splits a parsed MIDI file into named tracks of note onsets, the form every learner here reads. */
import type { Smf } from '../eval-set/smf.js';

export interface NoteOn {
  tick: number;
  note: number;
  velocity: number;
}

export interface NoteTrack {
  /** The track-name meta event (MMA writes its track names, e.g. "Bass", "Chord-Piano", "Drum-Kick"). */
  name: string;
  /** 0-based MIDI channel of the first note (9 is the GM drum channel). */
  channel: number;
  notes: NoteOn[];
}

/** Note-on events (velocity > 0) grouped by file track; tracks without notes are dropped. */
export function noteTracks(smf: Smf): NoteTrack[] {
  const byTrack = new Map<number, NoteTrack>();
  const get = (t: number) => {
    let tr = byTrack.get(t);
    if (!tr) {
      tr = { name: '', channel: -1, notes: [] };
      byTrack.set(t, tr);
    }
    return tr;
  };
  for (const e of smf.events) {
    if (e.meta?.type === 0x03) {
      const tr = get(e.track);
      if (!tr.name) tr.name = new TextDecoder().decode(e.meta.data).trim();
    } else if (e.bytes && (e.bytes[0] & 0xf0) === 0x90 && e.bytes[2] > 0) {
      const tr = get(e.track);
      if (tr.channel < 0) tr.channel = e.bytes[0] & 0x0f;
      tr.notes.push({ tick: e.tick, note: e.bytes[1], velocity: e.bytes[2] });
    }
  }
  return [...byTrack.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([, t]) => t)
    .filter((t) => t.notes.length > 0);
}
