/** Named units (after Tone.js): plain numbers, but the name says what a value means. */
export type Seconds = number;
export type Samples = number;
export type Hz = number;
export type Bpm = number;
export type Db = number;
export type Lufs = number;
export type Semitones = number;
/** MIDI note number, 0-127 (60 = C4). */
export type MidiNote = number;
/** A probability-like score in [0, 1]. */
export type Confidence = number;
