/**
 * The contract between the studio's audio side (AudioContext, worklets, worker: `src/audio/`) and its
 * screen (React: `src/ui/`, MIDI: `src/midi/`). The screen reads snapshots and calls actions; it never
 * touches audio nodes. Everything here is plain data so it can be logged, persisted and tested.
 */
import type { Generation, KnobName, KnobPositions, MusicAnalysis, PlayerPosition } from '@alams/engine';

/** Where the capture → variations pipeline is, for the AI status panel. */
export type PipelineStage =
  | 'idle'
  | 'capturing'
  | 'analyzing-rhythm'
  | 'analyzing-harmony'
  | 'transcribing'
  | 'generating'
  | 'ready'
  | 'failed';

export interface PipelineStatus {
  stage: PipelineStage;
  /** Human text, e.g. "Analyzing harmony patterns". */
  message: string;
  /** 0-1. */
  progress: number;
  /** Estimated milliseconds left, when known. */
  etaMs: number | null;
  /** Set when stage is 'failed' or the capture held no music (a clear, user-facing sentence). */
  error: string | null;
}

export type InputState =
  | { kind: 'off' }
  | { kind: 'starting' }
  | { kind: 'live'; deviceId: string; label: string }
  | { kind: 'denied'; message: string }
  | { kind: 'no-device'; message: string }
  | { kind: 'error'; message: string };

export interface DeviceInfo {
  deviceId: string;
  label: string;
}

export interface PerformanceFigures {
  /** Worklet time per 128-frame block as a fraction of the block's duration (mean and worst of the last second). */
  blockLoadMean: number;
  blockLoadMax: number;
  /** UI frames over 16.7 ms since the studio opened. */
  droppedFrames: number;
  /** `baseLatency + outputLatency`, in ms. */
  outputLatencyMs: number;
  /** JS heap in MB where the browser reports it, else null. */
  memoryMb: number | null;
}

export interface ExportRequest {
  formats: ('wav' | 'bwf' | 'flac' | 'mp3')[];
  stems: boolean;
  /** Naming template; the formats package documents the fields. */
  template: string;
  streamer: string;
}

export interface ExportProgress {
  running: boolean;
  /** 0-1. */
  progress: number;
  message: string;
  /** Finished files, offered for download. */
  files: { name: string; url: string; bytes: number }[];
  error: string | null;
}

export interface StudioSnapshot {
  input: InputState;
  inputs: DeviceInfo[];
  outputs: DeviceInfo[];
  /** Input peak level, linear 0-1, per channel. */
  inputLevel: [number, number];
  /** Seconds of audio in the rolling capture buffer (0-20). */
  bufferedSeconds: number;
  status: PipelineStatus;
  analysis: MusicAnalysis | null;
  generation: Generation | null;
  knobs: KnobPositions;
  position: PlayerPosition | null;
  /** Whether the live input is heard in the output (monitoring). */
  monitoring: boolean;
  recording: { active: boolean; startedAt: number | null; seconds: number };
  metronome: { click: boolean };
  performance: PerformanceFigures;
  export: ExportProgress;
}

export interface StudioActions {
  startInput(deviceId?: string): Promise<void>;
  setOutput(deviceId: string): Promise<void>;
  capture(): Promise<void>;
  setKnob(knob: KnobName, value: number): void;
  play(): void;
  stop(): void;
  /** Jump to a beat of the arrangement (waveform click). */
  seek(beat: number): void;
  setMonitoring(on: boolean): void;
  setMetronomeClick(on: boolean): void;
  startRecording(): void;
  /** Stops and returns the recorded studio output as a file to download. */
  stopRecording(): Promise<{ name: string; url: string; bytes: number } | null>;
  exportTracks(request: ExportRequest): Promise<void>;
}

export interface StudioController extends StudioActions {
  snapshot(): StudioSnapshot;
  /** Called whenever the snapshot changes; returns an unsubscribe function. */
  subscribe(listener: () => void): () => void;
  /** Rolling input (last 20 s) and rendered output envelopes for the waveform, filled in place. */
  readWaveform(target: { input: Float32Array; output: Float32Array }): void;
}
