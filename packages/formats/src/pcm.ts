/**
 * PCM audio: one Float32Array per channel, all the same length. Structurally identical to `PcmAudio` in
 * @alams/engine, declared here so the formats package does not depend on the engine (a decoded file can be passed
 * to the engine as is).
 */
export interface PcmAudio {
  channels: Float32Array[];
  sampleRate: number;
}
