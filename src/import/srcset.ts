/**
 * The largest rendition of a picture: its srcset's widest candidate (`a-1920.jpg 1920w`), else
 * its src, made absolute against the page's address. Sites serve a thumbnail in src and the
 * photo itself among the srcset's candidates; the import wants the photo.
 * @example largestRendition('/a-480.jpg', '/a-480.jpg 480w, /a-1200.jpg 1200w', 'https://old.kz/x') // 'https://old.kz/a-1200.jpg'
 */
export function largestRendition(src: string, srcset: string | null | undefined, base?: string): string {
  const best = (srcset ?? '')
    .split(',')
    .map((part) => part.trim().split(/\s+/))
    .filter(([u]) => u)
    .map(([u, w]) => ({ u: u!, w: Number.parseInt(w ?? '0', 10) || 0 }))
    .sort((a, b) => b.w - a.w)[0];
  const chosen = best && best.w > 0 ? best.u : src;
  if (!base) return chosen;
  try {
    return new URL(chosen, base).href;
  } catch {
    return chosen;
  }
}
