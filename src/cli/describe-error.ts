/**
 * An error and its causes on one line, for a command's stderr: the wrapper says which file,
 * the cause says why.
 * @example describeError(new Error('Cannot read "x"', { cause: new Error('EACCES') })) // 'Cannot read "x" ← EACCES'
 */
export function describeError(error: unknown): string {
  const parts: string[] = [];
  for (let e: unknown = error; e; e = (e as { cause?: unknown }).cause) parts.push(e instanceof Error ? e.message : String(e));
  return parts.join(' ← ');
}
