/**
 * The providers whose links become embeds when they stand alone on a line (issue 25's form):
 * YouTube, VK Video, Rutube, Telegram posts, X and Instagram. The import writes each such link
 * in its plain, canonical form, from whatever the old site had: a bare link, an [embed]
 * shortcode, an embed block, or the provider's own iframe or blockquote code.
 */
const PROVIDERS: { test: RegExp; canonical?: (m: RegExpExecArray) => string }[] = [
  { test: /^https?:\/\/(?:www\.|m\.)?youtube(?:-nocookie)?\.com\/embed\/([\w-]{6,})/i, canonical: (m) => `https://www.youtube.com/watch?v=${m[1]}` },
  { test: /^https?:\/\/(?:www\.|m\.)?youtube\.com\/(?:watch\?|shorts\/|live\/)/i },
  { test: /^https?:\/\/youtu\.be\/[\w-]{6,}/i },
  { test: /^https?:\/\/(?:www\.|m\.)?vk\.com\/video_ext\.php\?oid=(-?\d+)&id=(\d+)/i, canonical: (m) => `https://vk.com/video${m[1]}_${m[2]}` },
  { test: /^https?:\/\/(?:www\.|m\.)?vk\.com\/(?:video|clip)-?\d+_\d+/i },
  { test: /^https?:\/\/(?:www\.)?vkvideo\.ru\/(?:video|clip)-?\d+_\d+/i },
  { test: /^https?:\/\/(?:www\.)?rutube\.ru\/play\/embed\/([\da-f]{32})/i, canonical: (m) => `https://rutube.ru/video/${m[1]}/` },
  { test: /^https?:\/\/(?:www\.)?rutube\.ru\/video\/[\da-f]{32}/i },
  { test: /^https?:\/\/t\.me\/(?:s\/)?[\w]{4,}\/\d+/i },
  { test: /^https?:\/\/(?:www\.|mobile\.)?(?:x|twitter)\.com\/\w+\/status(?:es)?\/\d+/i },
  { test: /^https?:\/\/(?:www\.)?instagram\.com\/(?:[\w.]+\/)?(?:p|reel|tv)\/[\w-]+/i },
];

/**
 * The link as an embed line, or undefined when it is not one of the providers.
 * @example embedUrl('https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?rel=0') // 'https://www.youtube.com/watch?v=dQw4w9WgXcQ'
 */
export function embedUrl(url: string): string | undefined {
  const trimmed = url.trim().replace(/^\/\//, 'https://');
  for (const provider of PROVIDERS) {
    const m = provider.test.exec(trimmed);
    if (m) return provider.canonical ? provider.canonical(m) : trimmed.replace(/^http:/i, 'https:');
  }
  return undefined;
}

/** A Telegram post named by its widget script (`data-telegram-post="channel/123"`). */
export function telegramPost(name: string): string | undefined {
  return /^[\w]{4,}\/\d+$/.test(name) ? `https://t.me/${name}` : undefined;
}
