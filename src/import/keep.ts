/**
 * A copy of a string that holds nothing of the string it was cut from. The XML parser hands
 * text on as pieces of the chunk it read (256 KB): an id or a path cut from one and kept for
 * the whole run (the manifest, the attachments' index) would keep the whole chunk alive, and
 * 100,000 of them most of the file.
 * @example manifest.set(keep(key), …)
 */
export function keep(text: string): string {
  return Buffer.from(text, 'utf8').toString('utf8');
}
