import { mulberry32 } from './random.js';

/**
 * Renders simple but musically real test songs (drums, bass, chords, optional melody) with known tempo, bars,
 * key and chords, so analysis tests compare against ground truth. Test-only: not part of the engine's build.
 */
export type NoteName = 'C' | 'C#' | 'D' | 'Eb' | 'E' | 'F' | 'F#' | 'G' | 'Ab' | 'A' | 'Bb' | 'B';
const NAMES: NoteName[] = ['C', 'C#', 'D', 'Eb', 'E', 'F', 'F#', 'G', 'Ab', 'A', 'Bb', 'B'];

const QUALITY_INTERVALS: Record<string, number[]> = {
  maj: [0, 4, 7],
  min: [0, 3, 7],
  '7': [0, 4, 7, 10],
  maj7: [0, 4, 7, 11],
  min7: [0, 3, 7, 10],
  dim: [0, 3, 6],
  sus4: [0, 5, 7],
  sus2: [0, 2, 7],
};

export interface SongChord {
  root: NoteName;
  quality: keyof typeof QUALITY_INTERVALS;
  /** Length in beats. */
  beats: number;
}

export interface SongSpec {
  bpm: number;
  beatsPerBar: number;
  /** Subdivisions per beat for hats/arpeggio: 2 straight, 3 compound. */
  subdivision: 2 | 3;
  /** Long/short ratio of swung eighths (1 = straight). */
  swing?: number;
  progression: SongChord[];
  bars: number;
  sampleRate?: number;
  drums?: boolean;
  /** Silence before the first downbeat, seconds. */
  leadIn?: number;
  seed?: number;
  /** Semitones of detuning from A440 in cents. */
  detuneCents?: number;
}

export interface RenderedSong {
  channels: Float32Array[];
  sampleRate: number;
  beats: number[];
  downbeats: number[];
  chords: { start: number; end: number; label: string }[];
}

function midiToHz(m: number, detuneCents: number): number {
  return 440 * 2 ** ((m - 69 + detuneCents / 100) / 12);
}

/** A plucked/piano-like tone: harmonics with 1/n amplitudes and faster decay for higher partials. */
function addTone(buf: Float32Array, sr: number, start: number, dur: number, hz: number, amp: number): void {
  const s0 = Math.round(start * sr);
  const n = Math.round((dur + 0.3) * sr);
  for (let h = 1; h <= 6; h++) {
    const f = hz * h;
    if (f > sr / 2.2) break;
    const a = amp / h;
    const decay = 2.5 + h;
    const w = (2 * Math.PI * f) / sr;
    for (let i = 0; i < n; i++) {
      const j = s0 + i;
      if (j >= buf.length) break;
      const t = i / sr;
      const release = t > dur ? Math.exp(-(t - dur) * 30) : 1;
      const attack = Math.min(1, i / (0.004 * sr));
      buf[j] += a * attack * release * Math.exp(-decay * t) * Math.sin(w * i);
    }
  }
}

function addKick(buf: Float32Array, sr: number, start: number, amp: number): void {
  const s0 = Math.round(start * sr);
  let phase = 0;
  for (let i = 0; i < 0.25 * sr; i++) {
    const j = s0 + i;
    if (j >= buf.length) break;
    const t = i / sr;
    const f = 50 + 90 * Math.exp(-t * 30);
    phase += (2 * Math.PI * f) / sr;
    buf[j] += amp * Math.exp(-t * 12) * Math.sin(phase);
  }
}

function addNoiseHit(
  buf: Float32Array,
  sr: number,
  start: number,
  amp: number,
  decay: number,
  rnd: () => number,
  highpass: boolean,
): void {
  const s0 = Math.round(start * sr);
  let prev = 0;
  for (let i = 0; i < 0.2 * sr; i++) {
    const j = s0 + i;
    if (j >= buf.length) break;
    const white = rnd() * 2 - 1;
    const v = highpass ? white - prev : white;
    prev = white;
    buf[j] += amp * Math.exp((-i / sr) * decay) * v;
  }
}

export function renderSong(spec: SongSpec): RenderedSong {
  const sr = spec.sampleRate ?? 48000;
  const rnd = mulberry32(spec.seed ?? 1);
  const beatDur = 60 / spec.bpm;
  const leadIn = spec.leadIn ?? 0;
  const totalBeats = spec.bars * spec.beatsPerBar;
  const length = Math.ceil((leadIn + totalBeats * beatDur + 1) * sr);
  const mix = new Float32Array(length);
  const detune = spec.detuneCents ?? 0;
  const swing = spec.swing ?? 1;

  const beats: number[] = [];
  const downbeats: number[] = [];
  for (let b = 0; b < totalBeats; b++) {
    const t = leadIn + b * beatDur;
    beats.push(t);
    if (b % spec.beatsPerBar === 0) downbeats.push(t);
  }

  // Chords: block chord at each change plus re-struck on each beat, bass on the root.
  const chords: RenderedSong['chords'] = [];
  let beat = 0;
  let ci = 0;
  while (beat < totalBeats) {
    const chord = spec.progression[ci % spec.progression.length];
    const rootPc = NAMES.indexOf(chord.root);
    const start = leadIn + beat * beatDur;
    const len = Math.min(chord.beats, totalBeats - beat);
    const label = `${chord.root}${chord.quality === 'maj' ? '' : chord.quality === 'min' ? 'm' : chord.quality === 'min7' ? 'm7' : chord.quality}`;
    chords.push({ start, end: start + len * beatDur, label });
    const intervals = QUALITY_INTERVALS[chord.quality];
    for (let k = 0; k < len; k++) {
      const t = start + k * beatDur;
      const accent = (beat + k) % spec.beatsPerBar === 0 ? 1 : 0.7;
      for (const iv of intervals)
        addTone(mix, sr, t, beatDur * 0.9, midiToHz(60 + ((rootPc + iv) % 12), detune), 0.05 * accent);
      addTone(mix, sr, t, beatDur * 0.9, midiToHz(36 + rootPc, detune), 0.16 * accent);
    }
    beat += len;
    ci++;
  }

  if (spec.drums !== false) {
    for (let b = 0; b < totalBeats; b++) {
      const t = leadIn + b * beatDur;
      const inBar = b % spec.beatsPerBar;
      if (inBar === 0 || (spec.beatsPerBar === 4 && inBar === 2)) addKick(mix, sr, t, 0.5);
      if (spec.beatsPerBar === 3 && inBar === 0) addKick(mix, sr, t, 0.3);
      if (
        (spec.beatsPerBar === 4 && (inBar === 1 || inBar === 3)) ||
        (spec.beatsPerBar !== 4 && inBar !== 0)
      ) {
        addNoiseHit(mix, sr, t, 0.18, 18, rnd, false);
      }
      for (let s = 0; s < spec.subdivision; s++) {
        let frac = s / spec.subdivision;
        if (spec.subdivision === 2 && s === 1) frac = swing / (1 + swing);
        addNoiseHit(mix, sr, t + frac * beatDur, s === 0 ? 0.06 : 0.04, 60, rnd, true);
      }
    }
  }

  let peak = 0;
  for (const v of mix) peak = Math.max(peak, Math.abs(v));
  const gain = peak > 0 ? 0.7 / peak : 1;
  const left = new Float32Array(length);
  const right = new Float32Array(length);
  for (let i = 0; i < length; i++) {
    left[i] = mix[i] * gain;
    right[i] = mix[i] * gain * 0.95;
  }
  return { channels: [left, right], sampleRate: sr, beats, downbeats, chords };
}

/** I-V-vi-IV in major, i-iv-V-i in minor, spelled in a given key, for tests. */
export function progression(key: NoteName, mode: 'major' | 'minor', beatsEach: number): SongChord[] {
  const t = NAMES.indexOf(key);
  const at = (semis: number) => NAMES[(t + semis) % 12];
  if (mode === 'major') {
    return [
      { root: at(0), quality: 'maj', beats: beatsEach },
      { root: at(7), quality: 'maj', beats: beatsEach },
      { root: at(9), quality: 'min', beats: beatsEach },
      { root: at(5), quality: 'maj', beats: beatsEach },
    ];
  }
  return [
    { root: at(0), quality: 'min', beats: beatsEach },
    { root: at(5), quality: 'min', beats: beatsEach },
    { root: at(7), quality: 'maj', beats: beatsEach },
    { root: at(0), quality: 'min', beats: beatsEach },
  ];
}
