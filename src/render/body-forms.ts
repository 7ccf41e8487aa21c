import { isImage, isVideo, type ImageFacts, type MediaFacts } from '../parse/media-facts.js';
import { replaceForms, type BodyForm, type EmbedForm, type GalleryForm, type PhotoForm, type TableRegion, type VideoForm } from '../parse/body-forms.js';
import { embedSource, PROVIDER } from '../parse/embeds.js';
import { posterCandidates } from '../parse/form-problems.js';
import { derivativeUrl, fallbackFormat, feedVariant, heightAt, widthsFor } from '../media/ladder.js';
import { paths } from '../paths.js';
import type { ImageInput, VideoInput } from '../seo/media-objects.js';
import { escapeHtml } from '../text/escape-html.js';
import type { PageContext } from './context.js';
import { figureHtml, type FigureView } from './figure.js';
import { renderPartial } from './partial.js';
import { pictureView, type PictureView } from './picture.js';

/** What printing the forms needs: the reader's language and strings, the assets, the media's facts. */
export type FormContext = Pick<PageContext, 'lang' | 't' | 'asset' | 'index'>;

/** The size of the neutral poster in public/ (embed-poster.svg), 16:9. */
const NEUTRAL_POSTER = { width: 1280, height: 720 };
const VIDEO_TYPES: Record<string, string> = { mp4: 'video/mp4', m4v: 'video/mp4', mov: 'video/mp4', webm: 'video/webm' };

/** A picture shown as a poster: responsive on a page, one plain image in a feed. */
export interface PosterView {
  picture?: PictureView;
  /** The one image: the neutral poster, a feed's JPEG, a <video>'s poster attribute. */
  src: string;
  width: number;
  height: number;
  alt: string;
}

export interface EmbedView {
  provider: string;
  providerName: string;
  href: string;
  /** What the reader's click loads in place (see public/js/embeds.js). */
  player: string;
  /** The play or show button's accessible name, with the editor's title. */
  label: string;
  /** The frame's title once loaded. */
  frameTitle: string;
  kind: 'video' | 'post';
  title?: string;
  poster: PosterView;
  /** rel of the links to the provider: sponsored in an advertisement. */
  rel?: string;
}

export interface VideoView {
  src: string;
  type: string;
  width: number;
  height: number;
  /** The poster attribute's one image (see posterUrl). */
  poster: string;
  /** Shown as a facade until played (a page); a feed reader, which runs no script, gets the plain <video>. */
  facade: boolean;
  /** The facade's poster: responsive, as the article's photos; absent for the neutral poster. */
  picture?: PictureView;
  /** The facade's play button's accessible name, with the caption. */
  label: string;
  caption: string;
  credit?: string;
  download: string;
}

export interface GalleryView {
  title?: string;
  label: string;
  items: { picture?: PictureView; img?: PosterView; full: string; caption?: string; credit?: string; open: string }[];
}

/** An article body as a page shows it, with what the page's head needs from it. */
export interface PageBody {
  html: string;
  /** The providers' origins the page frames after a click: its Content-Security-Policy's frame-src. */
  frameOrigins: string[];
  videos: VideoInput[];
  galleryImages: ImageInput[];
  /** The page has facades (embeds, our videos) that public/js/embeds.js brings to life. */
  facades: boolean;
}

/**
 * The body's forms printed for a page: embeds as click-to-load facades (`facades`), or — in a
 * static export, whose one policy frames nothing — as a plain link with the poster; our videos,
 * photo reports and tables' regions. Done when a page is rendered, as body pictures are: a
 * replaced photo or video shows with the next content version.
 */
export function pageBody(ctx: PageContext, html: string, facades: boolean): PageBody {
  const images = ctx.index.images;
  const frames = new Set<string>();
  const videos: VideoInput[] = [];
  const galleryImages: ImageInput[] = [];
  let facadesShown = false;
  const out = replaceForms(html, (form) => {
    switch (form.kind) {
      case 'embed': {
        const view = embedView(ctx, form, images);
        if (PROVIDER[form.provider].kind === 'video') videos.push({ name: form.title ?? ctx.t('embed.video', { provider: view.providerName }), description: form.title ?? view.label, thumbnailUrl: view.poster.src, embedUrl: view.player.replace(/[?&]autoplay=1$/, '') });
        if (!facades) return renderPartial('embed-link', { embed: view }).trim();
        frames.add(PROVIDER[form.provider].frameOrigin);
        facadesShown = true;
        return renderPartial('embed', { embed: view }).trim();
      }
      case 'video': {
        const view = videoView(ctx, form, images);
        const facts = images.get(form.src);
        videos.push({ name: form.caption || ctx.t('video.untitled'), description: form.caption || ctx.t('video.untitled'), thumbnailUrl: view.poster, contentUrl: view.src, seconds: isVideo(facts) ? facts.duration : undefined, width: view.width, height: view.height });
        // Our own video needs no other host: a facade on the server and in a static export alike.
        facadesShown = true;
        return renderPartial('video', { video: view }).trim();
      }
      case 'photo':
        return figureHtml(photoFigure(ctx, form, pictureView(images.get(form.src), { alt: form.alt, slot: 'article' }))).trim();
      case 'gallery': {
        const view = galleryView(ctx, form, images, galleryImages);
        return renderPartial('gallery', { gallery: view }).trim();
      }
      case 'table':
        return tableRegion(ctx, form);
    }
  });
  return { html: out, frameOrigins: [...frames], videos, galleryImages, facades: facadesShown };
}

/**
 * The body's forms for feed readers, which run no script and show plain markup: an embed is a
 * link with its poster, a video a <video> with its poster, a gallery its photos, each one JPEG
 * (PNG with transparency) of at most 1280 px. Site paths are made absolute by the feed.
 */
export function feedBody(ctx: FormContext, html: string): string {
  const images = ctx.index.images;
  const plain = (facts: MediaFacts | undefined, alt: string): PosterView | undefined => {
    if (!isImage(facts)) return undefined;
    const variant = feedVariant(facts);
    return { src: derivativeUrl(facts.hash, variant), width: variant.width, height: heightAt(facts, variant.width), alt };
  };
  return replaceForms(html, (form: BodyForm) => {
    switch (form.kind) {
      case 'embed': {
        const view = embedView(ctx, form, images);
        const poster = (form.poster && plain(images.get(form.poster.src), form.poster.alt)) ?? view.poster;
        return renderPartial('embed-link', { embed: { ...view, poster: { ...poster, picture: undefined } } }).trim();
      }
      case 'video':
        return renderPartial('video', { video: { ...videoView(ctx, form, images), facade: false } }).trim();
      case 'photo':
        return figureHtml(photoFigure(ctx, form, undefined, plain(images.get(form.src), form.alt))).trim();
      case 'gallery': {
        const view = galleryView(ctx, form, images, []);
        view.items = view.items.map((item, i) => ({ ...item, picture: undefined, img: plain(images.get(form.items[i]!.src), form.items[i]!.alt) }));
        return renderPartial('gallery', { gallery: view }).trim();
      }
      case 'table':
        return '<div>';
    }
  });
}

function embedView(ctx: FormContext, form: EmbedForm, images: ReadonlyMap<string, MediaFacts>): EmbedView {
  const provider = PROVIDER[form.provider];
  const providerName = ctx.t(`embed.provider.${form.provider}`);
  const action = provider.kind === 'video' ? 'play' : 'show';
  const picture = form.poster && pictureView(images.get(form.poster.src), { alt: form.poster.alt, slot: 'article' });
  return {
    provider: form.provider,
    providerName,
    href: form.href,
    player: embedSource(form, ctx.lang),
    label: form.title ? ctx.t(`embed.${action}Titled`, { provider: providerName, title: form.title }) : ctx.t(`embed.${action}`, { provider: providerName }),
    frameTitle: form.title ? `${form.title} — ${providerName}` : providerName,
    kind: provider.kind,
    title: form.title,
    poster: picture ? { picture, src: picture.src, width: picture.width, height: picture.height, alt: picture.alt } : neutralPoster(ctx),
    rel: form.sponsored ? 'sponsored' : undefined,
  };
}

function neutralPoster(ctx: Pick<PageContext, 'asset'>): PosterView {
  return { src: ctx.asset('embed-poster.svg'), ...NEUTRAL_POSTER, alt: '' };
}

/**
 * A video's poster: the JPEG (PNG) of at most 960 px of the picture. A poster attribute has one
 * address and no srcset, and the browser fetches it with the page whether or not the reader
 * plays the video: 960 px fills the column of a phone and of a desktop at 1.5×, at about half
 * the bytes of 1280 (a photo's 1280 px JPEG is 150–200 KB, a slow 4G second competing with the
 * page's own pictures).
 */
function posterUrl(facts: ImageFacts): string {
  const width = widthsFor(facts.width).filter((w) => w <= 960).pop()!;
  return derivativeUrl(facts.hash, `${width}.${fallbackFormat(facts)}`);
}

function videoView(ctx: Pick<PageContext, 't' | 'asset'>, form: VideoForm, images: ReadonlyMap<string, MediaFacts>): VideoView {
  const facts = images.get(form.src);
  const poster = [form.poster, ...posterCandidates(form.src)].flatMap((src) => (src ? [images.get(src)] : [])).find(isImage);
  const ext = form.src.split('.').pop()!.toLowerCase();
  return {
    facade: true,
    picture: pictureView(poster, { alt: '', slot: 'article' }),
    label: form.caption ? ctx.t('video.playTitled', { title: form.caption }) : ctx.t('video.play'),
    src: paths.media(form.src),
    type: VIDEO_TYPES[ext] ?? 'video/mp4',
    width: isVideo(facts) ? facts.width : NEUTRAL_POSTER.width,
    height: isVideo(facts) ? facts.height : NEUTRAL_POSTER.height,
    poster: poster ? posterUrl(poster) : ctx.asset('embed-poster.svg'),
    caption: form.caption,
    credit: form.credit && ctx.t('video.credit', { credit: form.credit }),
    download: ctx.t('video.download'),
  };
}

/**
 * A captioned photo of the body (figure.ejs's locals): the responsive picture on a page, one
 * plain image in a feed; a file that cannot be read keeps its plain address.
 */
function photoFigure(ctx: Pick<PageContext, 't'>, form: PhotoForm, picture?: PictureView, img?: PosterView): FigureView {
  return {
    classes: 'article__figure',
    ...(picture ? { picture } : { img: img ?? { src: paths.media(form.src), alt: form.alt } }),
    caption: form.caption,
    credit: form.credit && ctx.t('article.photo', { credit: form.credit }),
  };
}

function galleryView(ctx: Pick<PageContext, 't'>, form: GalleryForm, images: ReadonlyMap<string, MediaFacts>, facts: ImageInput[]): GalleryView {
  return {
    title: form.title,
    label: form.title ?? ctx.t('gallery.label'),
    items: form.items.flatMap((item) => {
      const image = images.get(item.src);
      const picture = pictureView(image, { alt: item.alt, slot: 'gallery' });
      if (!picture || !isImage(image)) return [];
      const largest = widthsFor(image.width).at(-1)!;
      const full = derivativeUrl(image.hash, `${largest}.${fallbackFormat(image)}`);
      facts.push({ contentUrl: full, caption: item.caption ?? item.alt, credit: item.credit, width: largest, height: heightAt(image, largest) });
      return [{ picture, full, caption: item.caption, credit: item.credit && ctx.t('article.photo', { credit: item.credit }), open: ctx.t('gallery.open') }];
    }),
  };
}

/** The opening of a table's scrolling region: focusable, named by the caption or «Таблица». */
function tableRegion(ctx: Pick<PageContext, 't'>, form: TableRegion): string {
  const name = form.captionId ? `aria-labelledby="${form.captionId}"` : `aria-label="${escapeHtml(ctx.t('table.label'))}"`;
  return `<div class="table-scroll" role="region" tabindex="0" ${name}>`;
}
