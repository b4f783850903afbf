/** A mistake in how mlsd was called: reported as one clear line and exit code 2, never a stack trace. */
export class UsageError extends Error {
  override readonly name: string = 'UsageError';
  /** Whether the usage summary helps: not when the command was right and a file was the problem. */
  readonly pointsToHelp: boolean = true;
}

/** A file mlsd was pointed at that it cannot use (missing, a folder, binary, all ignored): exit 2 with no usage hint. */
export class InputError extends UsageError {
  override readonly name = 'InputError';
  override readonly pointsToHelp = false;
}
