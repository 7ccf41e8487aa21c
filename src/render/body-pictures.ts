import { isImage, type MediaFacts } from '../parse/media-facts.js';
import { derivativeUrl, feedVariant } from '../media/ladder.js';
import { renderPartial } from './partial.js';
import { pictureView, type PictureView } from './picture.js';

/** A body image as our Markdown pipeline writes it (parse/markdown.ts): src, alt, then our attributes. */
const BODY_IMAGE = /<img src="\/media\/([^"]+)" alt="([^"]*)"([^>]*)>/g;

/** The one picture partial, also for body images: one markup for every picture of the site. */
function renderPicture(picture: PictureView): string {
  return renderPartial('picture', { picture }).trim();
}

/**
 * A body's images as responsive pictures with the size of their file. Done when a page is
 * rendered, not when the body is parsed: a photo replaced under the same name shows with the
 * next content version. Images whose file is unreadable stay as they were.
 */
export function bodyWithPictures(html: string, images: ReadonlyMap<string, MediaFacts>): string {
  return html.replace(BODY_IMAGE, (whole, src: string, alt: string) => {
    const picture = pictureView(images.get(mediaName(src)), { alt: '', slot: 'article' });
    // The alt is already escaped HTML: put back as it is, not escaped twice.
    return picture ? renderPicture(picture).replace(/ alt=""/, () => ` alt="${alt}"`) : whole;
  });
}

/** Body images for feed readers: one JPEG (PNG with transparency) of at most 1280 px, with its size. */
export function bodyForFeeds(html: string, images: ReadonlyMap<string, MediaFacts>): string {
  return html.replace(BODY_IMAGE, (whole, src: string, alt: string) => {
    const facts = images.get(mediaName(src));
    if (!isImage(facts)) return whole;
    const variant = feedVariant(facts);
    const height = Math.round((facts.height * variant.width) / facts.width);
    return `<img src="${derivativeUrl(facts.hash, variant)}" alt="${alt}" width="${variant.width}" height="${height}">`;
  });
}

function mediaName(src: string): string {
  try {
    return decodeURIComponent(src);
  } catch {
    return src;
  }
}
