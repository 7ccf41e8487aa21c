export interface ShareLink {
  /** Stable id, also the CSS hook. */
  id: 'telegram' | 'whatsapp' | 'vk' | 'facebook' | 'x' | 'email' | 'copy';
  href: string;
}

/**
 * Plain share links: each network's own share URL, no scripts or pixels of theirs. "Copy" links
 * to the article itself; a small script of ours copies it on click, and without scripts the
 * reader can copy the link as any other.
 */
export function shareLinks(url: string, title: string): ShareLink[] {
  const u = encodeURIComponent(url);
  const t = encodeURIComponent(title);
  return [
    { id: 'telegram', href: `https://t.me/share/url?url=${u}&text=${t}` },
    { id: 'whatsapp', href: `https://wa.me/?text=${encodeURIComponent(`${title} ${url}`)}` },
    { id: 'vk', href: `https://vk.com/share.php?url=${u}&title=${t}` },
    { id: 'facebook', href: `https://www.facebook.com/sharer/sharer.php?u=${u}` },
    { id: 'x', href: `https://x.com/intent/post?url=${u}&text=${t}` },
    { id: 'email', href: `mailto:?subject=${t}&body=${u}` },
    { id: 'copy', href: url },
  ];
}
