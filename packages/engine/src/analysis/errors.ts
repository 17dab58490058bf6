/** Why an input cannot be analysed at all. Each code has a message a user can act on. */
export type AnalysisErrorCode =
  | 'too_short'
  | 'too_long'
  | 'unsupported_sample_rate'
  | 'bad_channels'
  | 'non_finite_samples'
  | 'empty_input';

export class AnalysisError extends Error {
  override readonly name = 'AnalysisError';
  constructor(
    readonly code: AnalysisErrorCode,
    message: string,
  ) {
    super(message);
  }
}
