import type { Lang } from '../i18n/languages.js';
import { say } from './messages.js';

/**
 * How far a run is: on a terminal, one line redrawn in place (a bar, the items done, the rate,
 * the time left) at most ten times a second; anywhere else (a log, CI, a pipe) a plain line
 * every ten seconds. The share done is by bytes read when the source's size is known (a WXR
 * file), else by items of a known total (a sitemap's URLs).
 */
export interface ProgressOut {
  write(text: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

export class Progress {
  readonly #started: number;
  #last = 0;
  #drawn = false;
  items = 0;

  constructor(
    readonly out: ProgressOut,
    readonly lang: Lang,
    readonly clock: () => number = () => performance.now(),
  ) {
    this.#started = clock();
  }

  /** One more item done; `share` is the part of the source read (0–1), when known. */
  tick(share: number | undefined): void {
    this.items++;
    const now = this.clock();
    const every = this.out.isTTY ? 100 : 10_000;
    if (now - this.#last < every) return;
    this.#last = now;
    const seconds = Math.max(0.001, (now - this.#started) / 1000);
    const rate = Math.round(this.items / seconds);
    const percent = share === undefined ? '' : `${Math.min(100, Math.floor(share * 100))} %`;
    const left = share && share > 0.01 ? duration(seconds / share - seconds) : '…';
    if (this.out.isTTY) {
      const text = say('progress', this.lang, { percent: percent ? `${bar(share ?? 0)} ${percent} ·` : '', items: this.items, rate, left });
      this.out.write(`\r${text.slice(0, (this.out.columns ?? 100) - 1)}\u001b[K`);
      this.#drawn = true;
    } else {
      this.out.write(`${say('progress_line', this.lang, { items: this.items, percent: percent || '—', rate })}\n`);
    }
  }

  /** Clears the bar before the summary is printed. */
  end(): void {
    if (this.#drawn) this.out.write('\r\u001b[K');
  }
}

function bar(share: number): string {
  const width = 20;
  const full = Math.round(Math.min(1, share) * width);
  return `[${'#'.repeat(full)}${'-'.repeat(width - full)}]`;
}

/** 83 → «1:23», 3725 → «1:02:05». */
function duration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const hms = [Math.floor(s / 3600), Math.floor((s % 3600) / 60), s % 60];
  return hms[0] ? `${hms[0]}:${String(hms[1]).padStart(2, '0')}:${String(hms[2]).padStart(2, '0')}` : `${hms[1]}:${String(hms[2]).padStart(2, '0')}`;
}
