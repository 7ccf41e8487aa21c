import type { ImageView } from './cards.js';
import type { PictureView } from './picture.js';
import { renderPartial } from './partial.js';

/** An article's picture with its caption and credit, as views/partials/figure.ejs prints it. */
export interface FigureView {
  classes?: string;
  /** On a page: the responsive picture. */
  picture?: PictureView;
  /** In a feed: one plain image, its URL absolute. */
  img?: { src: string; alt: string; width?: number; height?: number };
  caption?: string;
  credit?: string;
}

/** The article page's figure; none when there is no picture or its file cannot be read as an image. */
export function articleFigure(image: ImageView | undefined): FigureView | undefined {
  return image?.picture && { classes: 'article__figure', picture: image.picture, caption: image.caption, credit: image.credit };
}

/** The figure as HTML, for a feed's content:encoded: the page's own markup. */
export function figureHtml(figure: FigureView): string {
  return renderPartial('figure', { figure });
}
