/** The learned models' shapes, from the engine that reads them (packages/engine/src/generate/models/types.ts). */
export type {
  BassModel,
  ChordQuality,
  CompModel,
  DrumGrooveModel,
  DrumVoice,
  GrooveFamily,
  GrooveModels,
  ProgressionModel,
  ProgressionModels,
  RelativeChord,
  StepGrid,
} from '@alams/engine';
