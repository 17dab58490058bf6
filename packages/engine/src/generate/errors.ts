export type GenerationErrorCode = 'bad_preferences' | 'unknown_style' | 'no_styles';

/** A request the generator cannot honour, with a message that says what would work. */
export class GenerationError extends Error {
  readonly code: GenerationErrorCode;
  constructor(code: GenerationErrorCode, message: string) {
    super(message);
    this.name = 'GenerationError';
    this.code = code;
  }
}
