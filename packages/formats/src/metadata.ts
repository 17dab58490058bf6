/**
 * The metadata every export carries (the spec's "Embedded Metadata" block). Each format maps it onto its
 * own tags: WAV LIST/INFO, BWF `bext` + `iXML`, FLAC Vorbis comments, MP3 ID3v2 (with TXXX frames).
 */
export interface ExportMetadata {
  /** Track title, e.g. "Chill Beats — D minor, 92 BPM". */
  title: string;
  /** Who performed: the streamer's display name. */
  artist: string;
  /** Who or what made the file; the spec's `creator` (the streamer, as in the spec's example). */
  creator: string;
  /** The variation's style name, e.g. "Electronic". */
  genre: string;
  /** Beats per minute, as generated (may be fractional). */
  tempo: number;
  /** Key label, e.g. "D minor". */
  key: string;
  /** When the generation was made, as an ISO 8601 UTC instant, e.g. "2024-12-01T14:20:30Z". */
  timestamp: string;
  /** Software name and version, e.g. "ALAMS 0.1.0". */
  software: string;
  /** Length of the captured clip the generation came from, in seconds. */
  sourceDurationSec: number;
  /** Analysis + generation time, in seconds. */
  generationTimeSec: number;
  /** Version of the trained models the generation used. */
  aiModelVersion: string;
  /** Processing stages in order, e.g. ["capture", "analysis", "ai_generation", "effects", "mastering"]. */
  processingChain: string[];
  /** Free text: generation details (seed, variation, sections) for COMMENT / TXXX fields. */
  comment?: string;
  /** Extra name/value pairs (seed, variation id, ...) written where the format allows custom fields. */
  extra?: Record<string, string>;
}
