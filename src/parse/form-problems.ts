import type { ProblemCode } from '../problems/messages.js';
import { mediaPathOf } from './body-forms.js';
import { PROVIDER } from './embeds.js';
import type { FormFindings } from './markdown-forms.js';

/** Pictures that may stand beside a video as its poster, in the order they are looked for. */
export const POSTER_EXTENSIONS = ['jpg', 'jpeg', 'png', 'webp', 'avif'] as const;

/** The pictures named like a video (file.mp4 → file.jpg, …) that are its poster when the editor gives none. */
export function posterCandidates(video: string): string[] {
  const base = video.replace(/\.[^./]+$/, '');
  return POSTER_EXTENSIONS.map((ext) => `${base}.${ext}`);
}

/**
 * What check says about the body's forms and raw HTML, each at its body line: HTML dropped
 * (with the link to paste for an embed code), a provider's link that is not a video or post,
 * a video that is not in media/ or stands inside a sentence or has no poster, a gallery
 * without photos or with something else in it.
 */
export function formProblems(
  forms: FormFindings,
  media: { has(path: string): boolean },
  report: (line: number, code: ProblemCode, params?: Record<string, string | number>) => void,
): void {
  for (const html of forms.rawHtml) report(html.line, 'raw_html', { tag: html.tag, link: html.link ?? '' });
  for (const link of forms.notEmbeds) report(link.line, 'embed_not_recognised', { href: link.href, provider: PROVIDER[link.provider].name, example: PROVIDER[link.provider].example });
  for (const video of forms.videosInText) report(video.line, 'video_in_text', { src: video.src });
  for (const gallery of forms.galleries) report(gallery.line, gallery.code);
  for (const video of forms.videos) {
    const src = mediaPathOf(video.src);
    if (src === undefined) continue;
    if (!media.has(src)) report(video.line, 'video_missing', { src });
    else if (!video.poster && !posterCandidates(src).some((poster) => media.has(poster))) report(video.line, 'video_no_poster', { src, poster: posterCandidates(src)[0]! });
  }
}
