/**
 * Resolves as soon as `condition` holds, checking every few milliseconds; fails after
 * `timeoutMs`. The timeout only bounds a hung test: nothing is asserted about how long it took.
 */
export async function until(what: string, condition: () => boolean | Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await condition()) return;
    if (Date.now() > deadline) throw new Error(`Waited ${timeoutMs} ms for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
