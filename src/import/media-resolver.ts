import { fetchMedia, mediaExtension, mediaTarget, type MediaSource } from './media.js';
import type { ContentWriter } from './writer.js';

/**
 * An old address → a file under content/media/, once per run and once across runs: the manifest
 * remembers each address's file, so a re-run neither downloads nor copies again. An address
 * whose file cannot be had is a loss, reported with the address and why.
 */
export interface MediaCounts {
  copied: number;
  downloaded: number;
  reused: number;
  lost: number;
}

export type Resolved = { file: string } | { lost: string };

export class MediaResolver {
  readonly counts: MediaCounts = { copied: 0, downloaded: 0, reused: 0, lost: 0 };
  readonly #seen = new Map<string, Promise<Resolved>>();

  constructor(
    readonly writer: ContentWriter,
    readonly source: MediaSource,
    readonly dryRun: boolean,
  ) {}

  /** The file under media/ (`2013/03/photo.jpg`) for an address, fetched if need be. */
  resolve(url: string, date: Date, video = false): Promise<Resolved> {
    let found = this.#seen.get(url);
    if (!found) {
      found = this.#resolve(url, date, video);
      // Only this run's: a big archive repeats few addresses, and the manifest keeps the rest.
      if (this.#seen.size > 5000) this.#seen.clear();
      this.#seen.set(url, found);
    }
    return found;
  }

  async #resolve(url: string, date: Date, video: boolean): Promise<Resolved> {
    const key = `media:${url}`;
    const known = this.writer.knownMedia(key);
    if (known) {
      this.counts.reused++;
      return { file: known };
    }
    if (this.dryRun) {
      // Nothing is fetched in a dry run: the name it would most likely get.
      const ext = /\.(\w{3,4})(?:\?|$)/.exec(url)?.[1]?.toLowerCase() ?? 'jpg';
      this.counts.downloaded++;
      return { file: mediaTarget(url, date, ext === 'jpeg' ? 'jpg' : ext) };
    }
    const fetched = await fetchMedia(url, this.source, video);
    if ('lost' in fetched) {
      this.counts.lost++;
      return fetched;
    }
    const ext = mediaExtension(fetched.bytes, video) ?? (video ? 'mp4' : 'jpg');
    const written = this.writer.media(key, mediaTarget(url, date, ext), fetched.bytes);
    if (fetched.from === 'uploads') this.counts.copied++;
    else this.counts.downloaded++;
    return { file: written.file };
  }
}
