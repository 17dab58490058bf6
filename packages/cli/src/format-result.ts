import type { AnalysisOutcome } from '@alams/engine';

/** Seconds to milliseconds precision: enough for beats (±70 ms tolerance) without noise digits. */
const t = (s: number) => Math.round(s * 1000) / 1000;
const db = (v: number) => (Number.isFinite(v) ? Math.round(v * 100) / 100 : null);

/** The CLI's one-line JSON contract for an analysed file (see README, "alams analyze"). */
export function formatAnalysis(file: string, outcome: AnalysisOutcome): Record<string, unknown> {
  const loudness = { lufs: db(outcome.loudness.lufs), truePeakDb: db(outcome.loudness.truePeakDb) };
  if (outcome.status === 'no_musical_content') {
    return {
      file,
      status: outcome.status,
      reason: outcome.reason,
      message: outcome.message,
      duration: t(outcome.duration),
      loudness,
      warnings: outcome.warnings,
      timingsMs: outcome.timingsMs,
    };
  }
  return {
    file,
    status: 'ok',
    duration: t(outcome.duration),
    bpm: outcome.tempo.bpm,
    tempoConfidence: Math.round(outcome.tempo.confidence * 1000) / 1000,
    beats: outcome.tempo.beats.map(t),
    downbeats: outcome.tempo.downbeats.map(t),
    timeSignature: outcome.tempo.timeSignature,
    key: {
      tonic: outcome.key.tonic,
      mode: outcome.key.mode,
      confidence: Math.round(outcome.key.confidence * 1000) / 1000,
    },
    keyLabel: outcome.key.label,
    chords: outcome.chords.map((c) => ({ start: t(c.start), end: t(c.end), label: c.label })),
    ...(outcome.notes
      ? {
          notes: outcome.notes.map((n) => ({
            pitch: n.pitch,
            start: t(n.start),
            duration: t(n.duration),
            velocity: n.velocity,
          })),
        }
      : {}),
    loudness,
    style: outcome.style.ranking,
    styleFeatures: outcome.style.features,
    warnings: outcome.warnings,
    timingsMs: outcome.timingsMs,
  };
}
