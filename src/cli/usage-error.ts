/** A mistake in how mlsd was called: reported as one clear line and exit code 2, never a stack trace. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}
