import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Logger } from 'pino';
import { isImage, type ImageFacts, type MediaFacts } from '../parse/media-facts.js';
import { allVariants, feedVariant, MIME, parseVariant, variantName, type Variant } from './ladder.js';
import { averageColor, decodeMaster, readHeader, makeVariant, type Master } from './make.js';

export interface MediaLibraryOptions {
  /** The content folder: originals are under its media/. */
  contentDir: string;
  /** Where derivatives and facts are kept (DATA_DIR/media); without it, facts only, in memory (npm run check). */
  dataDir?: string;
  logger?: Logger;
}

/** A derivative on disk, ready to send. */
export interface Derivative {
  file: string;
  bytes: number;
  type: string;
}

interface Known {
  stamp: string;
  facts: MediaFacts;
}

/** A folder of derivatives: the first 20 hex digits of its original's SHA-256. */
const HASH_FOLDER = /^[0-9a-f]{20}$/;

/** Originals surveyed at once: each is a read and a decode on libuv's threads. */
const SURVEY_CONCURRENCY = 2;
/** Masters kept decoded: the one the warm-up is working through, and one a reader asked for. */
const MASTERS = 2;

/**
 * The originals in content/media/ and their derivatives (src/media/ladder.ts). Facts are read
 * from each file once per change of its stamp and kept in DATA_DIR; derivatives are made once
 * per original's content, off the event loop (sharp runs on libuv's threads), stored under
 * DATA_DIR/media/<hash>/ and served from URLs that name the hash. A derivative asked for twice
 * at once is made once: both wait for the same encode.
 */
export class MediaLibrary {
  readonly #options: MediaLibraryOptions;
  #known = new Map<string, Known>();
  #loaded = false;
  /** Whether #byHash holds the current originals: until the first survey it is empty, not "none". */
  #surveyed = false;
  /** The current content's images by hash, for the derivative route. */
  #byHash = new Map<string, { name: string; facts: ImageFacts }>();
  #making = new Map<string, Promise<Derivative>>();
  #masters = new Map<string, Promise<Master>>();
  /** Originals whose every derivative this process has seen on disk: later warm-ups skip them. */
  #complete = new Set<string>();
  #warming: Promise<void> | undefined;
  #warmAgain = false;
  #closed = false;
  /** How many times each derivative (`<hash>/<name>`) was encoded by this process: once, however many asked. */
  readonly encodes = new Map<string, number>();

  constructor(options: MediaLibraryOptions) {
    this.#options = options;
  }

  get #root(): string | undefined {
    return this.#options.dataDir && path.join(this.#options.dataDir, 'media');
  }

  /**
   * Facts of every original listed (relative path under media/ → bytes). Files whose stamp is
   * unchanged are not read again; new ones are hashed, decoded, and get the derivatives pages
   * and feeds need at once (the feed's JPEG). The rest of the ladder follows in the background.
   */
  async survey(names: Iterable<string>): Promise<ReadonlyMap<string, MediaFacts>> {
    await this.#load();
    const list = [...names];
    const result = new Map<string, MediaFacts>();
    const known = new Map<string, Known>();
    let next = 0;
    let changed = list.length !== this.#known.size;
    const work = async () => {
      while (next < list.length) {
        const name = list[next++]!;
        const entry = await this.#surveyOne(name);
        if (!entry) continue;
        if (this.#known.get(name)?.stamp !== entry.stamp) changed = true;
        known.set(name, entry);
        result.set(name, entry.facts);
      }
    };
    await Promise.all(Array.from({ length: SURVEY_CONCURRENCY }, work));
    this.#known = known;
    this.#byHash = new Map();
    for (const [name, facts] of result) if (isImage(facts)) this.#byHash.set(facts.hash, { name, facts });
    this.#surveyed = true;
    if (changed) await this.#save();
    return result;
  }

  /**
   * Makes every derivative of the current originals that is not on disk yet, one at a time, in
   * the background. Before the first survey it does nothing: it does not know the originals
   * yet, and its sweep would take every folder on disk for an orphan (a restart serves the index
   * before its reconcile surveys the media, and would delete and encode every ladder again).
   */
  warm(): Promise<void> {
    if (!this.#root || this.#closed || !this.#surveyed) return Promise.resolve();
    if (this.#warming) {
      this.#warmAgain = true;
      return this.#warming;
    }
    this.#warming = (async () => {
      do {
        this.#warmAgain = false;
        for (const [hash, { facts }] of this.#byHash) {
          if (this.#complete.has(hash)) continue;
          let made = 0;
          const variants = allVariants(facts);
          for (const variant of variants) {
            if (this.#closed || !this.#byHash.has(hash)) break;
            try {
              await this.#derive(hash, facts, variant);
              made++;
            } catch (error) {
              this.#options.logger?.warn({ err: error, hash, variant: variantName(variant) }, 'A derivative could not be made; it will be tried again when asked for');
            }
          }
          if (made === variants.length) this.#complete.add(hash);
          this.#masters.delete(hash);
        }
        if (!this.#warmAgain && !this.#closed) await this.#sweep();
      } while (this.#warmAgain && !this.#closed);
      this.#warming = undefined;
    })();
    return this.#warming;
  }

  /**
   * Removes the derivatives of originals the content no longer has (deleted, or replaced under
   * the same name). The route serves only current hashes, so they are dead weight; if another
   * process of the machine is a content version behind or ahead, whatever it still needs is made
   * again when asked for.
   */
  async #sweep(): Promise<void> {
    const root = this.#root!;
    let names: string[];
    try {
      names = await readdir(root);
    } catch {
      return;
    }
    for (const name of names) {
      if (!HASH_FOLDER.test(name) || this.#byHash.has(name)) continue;
      this.#complete.delete(name);
      await rm(path.join(root, name), { recursive: true, force: true }).catch((error: unknown) =>
        this.#options.logger?.warn({ err: error, hash: name }, 'Derivatives of an original that is gone could not be removed'),
      );
    }
  }

  /** The derivative `name` (e.g. 960.avif) of the original with this hash, made if need be; undefined when there is no such thing. */
  async derivative(hash: string, name: string): Promise<Derivative | undefined> {
    const original = this.#byHash.get(hash);
    const variant = original && parseVariant(name, original.facts);
    if (!original || !variant) return undefined;
    return this.#derive(hash, original.facts, variant);
  }

  /** Stops the warm-up after the derivative it is making. */
  close(): void {
    this.#closed = true;
  }

  async #surveyOne(name: string): Promise<Known | undefined> {
    const file = this.#original(name);
    let stamp: string;
    try {
      const s = await stat(file, { bigint: true });
      stamp = `${s.size}:${s.ino}:${s.mtimeNs}:${s.ctimeNs}`;
    } catch {
      return undefined; // deleted since it was listed
    }
    const previous = this.#known.get(name);
    if (previous?.stamp === stamp && (!isImage(previous.facts) || previous.facts.feedBytes !== undefined || !this.#root)) return previous;
    return { stamp, facts: await this.#probe(name, file) };
  }

  async #probe(name: string, file: string): Promise<MediaFacts> {
    const bytes = (await stat(file)).size;
    try {
      const header = await readHeader(file);
      const hash = await hashFile(file);
      const master = this.#master(hash, file, header.width);
      const facts: ImageFacts = { hash, ...header, color: await averageColor(await master), bytes };
      if (this.#root) {
        // A copy that cannot be written (a full disk) is not an unreadable photo: the feed links the
        // original meanwhile (render/feed.ts), and the next survey tries again.
        await this.#derive(hash, facts, feedVariant(facts), file).then(
          (made) => (facts.feedBytes = made.bytes),
          (error: unknown) => this.#options.logger?.warn({ err: error, name }, "The feed's copy of an original could not be made; it is tried again at the next content version"),
        );
      }
      return facts;
    } catch (error) {
      this.#options.logger?.debug({ err: error, name }, 'An original could not be read as an image');
      return { unreadable: (error as Error).message, bytes };
    }
  }

  #original(name: string): string {
    return path.join(this.#options.contentDir, 'media', name);
  }

  #master(hash: string, file: string, width: number): Promise<Master> {
    let master = this.#masters.get(hash);
    if (!master) {
      master = decodeMaster(file, width);
      master.catch(() => this.#masters.delete(hash));
      this.#masters.set(hash, master);
      while (this.#masters.size > MASTERS) this.#masters.delete(this.#masters.keys().next().value!);
    }
    return master;
  }

  /** One derivative: from disk when made before, else made once however many ask at the same time. */
  #derive(hash: string, facts: ImageFacts, variant: Variant, file?: string): Promise<Derivative> {
    const name = variantName(variant);
    const key = `${hash}/${name}`;
    let making = this.#making.get(key);
    if (making) return making;
    const target = path.join(this.#root!, hash, name);
    const type = variant.kind === 'crop' ? MIME.jpg : MIME[variant.format];
    making = (async () => {
      try {
        return { file: target, bytes: (await stat(target)).size, type };
      } catch {
        const source = file ?? this.#original(this.#byHash.get(hash)?.name ?? '');
        const master = await this.#master(hash, source, facts.width);
        this.encodes.set(key, (this.encodes.get(key) ?? 0) + 1);
        await mkdir(path.dirname(target), { recursive: true });
        // Written aside and renamed: a reader never gets half a file, another process (or another
        // library in this one, as during an export) never a torn one or a name taken from under it.
        const aside = asideName(target);
        try {
          const bytes = await makeVariant(master, facts, variant, aside);
          await rename(aside, target);
          return { file: target, bytes, type };
        } catch (error) {
          await rm(aside, { force: true });
          throw error;
        }
      }
    })();
    this.#making.set(key, making);
    void making.then(
      () => this.#making.delete(key),
      () => this.#making.delete(key),
    );
    return making;
  }

  async #load(): Promise<void> {
    if (this.#loaded || !this.#root) return;
    this.#loaded = true;
    try {
      const saved = JSON.parse(await readFile(path.join(this.#root, 'facts.json'), 'utf8')) as Record<string, Known>;
      this.#known = new Map(Object.entries(saved));
    } catch {
      // No facts yet, or unreadable ones: every original is surveyed again.
    }
  }

  async #save(): Promise<void> {
    if (!this.#root) return;
    try {
      await mkdir(this.#root, { recursive: true });
      const file = path.join(this.#root, 'facts.json');
      const aside = asideName(file);
      await writeFile(aside, JSON.stringify(Object.fromEntries(this.#known)));
      await rename(aside, file);
    } catch (error) {
      this.#options.logger?.warn({ err: error }, 'Media facts not saved; the next start reads the originals again');
    }
  }
}

/** A name beside `file` that no other writer uses: the file is written there, then renamed over it. */
function asideName(file: string): string {
  return `${file}.${process.pid}-${randomBytes(6).toString('hex')}.tmp`;
}

/** SHA-256 of a file, read in chunks: an 18 MB photo never holds the event loop. */
function hashFile(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(file)
      .on('data', (chunk) => hash.update(chunk))
      .on('error', reject)
      .on('end', () => resolve(hash.digest('hex').slice(0, 20)));
  });
}
