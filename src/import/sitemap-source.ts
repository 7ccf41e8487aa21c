import type { Lang } from '../i18n/languages.js';
import type { Report } from './report.js';
import type { Fetch, OpenedSource } from './source.js';
import type { ItemStream } from './wxr-source.js';

export async function sitemapSource(_first: OpenedSource, _o: { lang?: Lang; now: Date; report: Report; fetch?: Fetch; concurrency: number; delayMs: number; open: (url: string) => Promise<OpenedSource> }): Promise<ItemStream> {
  throw new Error('not yet');
}
