/** Why a file could not be read as WAV. Each code comes with a message a user can act on. */
export type WavErrorCode =
  | 'not_riff'
  | 'no_fmt'
  | 'no_data'
  | 'unsupported_encoding'
  | 'truncated'
  | 'bad_header';

export class WavFormatError extends Error {
  override readonly name = 'WavFormatError';
  constructor(
    readonly code: WavErrorCode,
    message: string,
  ) {
    super(message);
  }
}
