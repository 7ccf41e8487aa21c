/**
 * The video and post providers whose links become embeds: which addresses are theirs, the
 * player or post each one loads after the reader's click, and the one host the page's
 * Content-Security-Policy then lets it frame. Pure: used by the parse (is this link an embed?),
 * by check (what link does this pasted embed code stand for?) and by the pages (the facade).
 */

export const PROVIDERS = ['youtube', 'vk', 'rutube', 'telegram', 'x', 'instagram'] as const;
export type ProviderId = (typeof PROVIDERS)[number];

export interface Provider {
  /** The brand, as check names it to editors (pages name it from locales/). */
  name: string;
  /** A video (a play button, VideoObject in JSON-LD) or a post (a «show» button). */
  kind: 'video' | 'post';
  /** The origin the player or post is framed from: the page's frame-src. */
  frameOrigin: string;
  /** Hosts whose links are this provider's: a bare link to one that is not a video or post is reported. */
  hosts: readonly string[];
  /** How an editor writes a link that works, for check's advice. */
  example: string;
}

export const PROVIDER: Record<ProviderId, Provider> = {
  youtube: { name: 'YouTube', kind: 'video', frameOrigin: 'https://www.youtube-nocookie.com', hosts: ['youtube.com', 'youtu.be'], example: 'https://www.youtube.com/watch?v=…, https://youtu.be/…, https://www.youtube.com/shorts/…' },
  vk: { name: 'VK Video', kind: 'video', frameOrigin: 'https://vkvideo.ru', hosts: ['vk.com', 'vkvideo.ru', 'vk.ru'], example: 'https://vkvideo.ru/video-123_456, https://vk.com/video-123_456' },
  rutube: { name: 'Rutube', kind: 'video', frameOrigin: 'https://rutube.ru', hosts: ['rutube.ru'], example: 'https://rutube.ru/video/…/' },
  telegram: { name: 'Telegram', kind: 'post', frameOrigin: 'https://t.me', hosts: ['t.me', 'telegram.me'], example: 'https://t.me/channel/123' },
  x: { name: 'X', kind: 'post', frameOrigin: 'https://platform.twitter.com', hosts: ['x.com', 'twitter.com'], example: 'https://x.com/account/status/123…' },
  instagram: { name: 'Instagram', kind: 'post', frameOrigin: 'https://www.instagram.com', hosts: ['instagram.com'], example: 'https://www.instagram.com/p/…/, https://www.instagram.com/reel/…/' },
};

/** A link recognised as one video or post. */
export interface EmbedTarget {
  provider: ProviderId;
  /** The provider's id of the video or post (for VK: owner_video, for Telegram and X: channel/post). */
  id: string;
  /** The address readers follow without script, as the editor wrote it. */
  href: string;
}

const YOUTUBE_ID = /^[\w-]{11}$/;

/**
 * The video or post a link stands for, or undefined for any other address (of these providers
 * or not).
 * @example recognizeEmbed('https://youtu.be/dQw4w9WgXcQ') // { provider: 'youtube', id: 'dQw4w9WgXcQ', href: 'https://youtu.be/dQw4w9WgXcQ' }
 */
export function recognizeEmbed(href: string): EmbedTarget | undefined {
  const url = parseUrl(href);
  if (!url) return undefined;
  const host = url.hostname.replace(/^(www|m|mobile)\./, '');
  const parts = url.pathname.split('/').filter(Boolean);
  const found = (provider: ProviderId, id: string | undefined): EmbedTarget | undefined => (id ? { provider, id, href } : undefined);
  switch (host) {
    case 'youtube.com': {
      const id = url.pathname === '/watch' ? url.searchParams.get('v') : parts[0] === 'shorts' || parts[0] === 'live' ? parts[1] : undefined;
      return found('youtube', id && YOUTUBE_ID.test(id) && parts.length <= 2 ? id : undefined);
    }
    case 'youtu.be':
      return found('youtube', parts.length === 1 && YOUTUBE_ID.test(parts[0]!) ? parts[0] : undefined);
    case 'vk.com':
    case 'vk.ru':
    case 'vkvideo.ru':
      return found('vk', parts.length === 1 ? /^video(-?\d+_\d+)$/.exec(parts[0]!)?.[1] : undefined);
    case 'rutube.ru':
      return found('rutube', parts.length === 2 && parts[0] === 'video' && /^[0-9a-f]{32}$/.test(parts[1]!) ? parts[1] : undefined);
    case 't.me':
    case 'telegram.me':
      return found('telegram', parts.length === 2 && /^[A-Za-z]\w{3,31}$/.test(parts[0]!) && /^\d+$/.test(parts[1]!) ? `${parts[0]}/${parts[1]}` : undefined);
    case 'x.com':
    case 'twitter.com':
      return found('x', parts.length >= 3 && parts[1] === 'status' && /^\d+$/.test(parts[2]!) && /^\w{1,15}$/.test(parts[0]!) ? parts[2] : undefined);
    case 'instagram.com':
      return found('instagram', parts.length === 2 && (parts[0] === 'p' || parts[0] === 'reel') && /^[\w-]+$/.test(parts[1]!) ? `${parts[0]}/${parts[1]}` : undefined);
    default:
      return undefined;
  }
}

/** The provider whose site a link is on (any page of it), for reporting a link that is not a video or post. */
export function providerOfHost(href: string): ProviderId | undefined {
  const host = parseUrl(href)?.hostname.replace(/^(www|m|mobile)\./, '');
  return host === undefined ? undefined : PROVIDERS.find((id) => PROVIDER[id].hosts.includes(host));
}

/**
 * What the reader's click loads: the provider's player or post, in a frame from its
 * frameOrigin. YouTube's is its no-cookie domain; every player starts at once, as the reader
 * asked to play.
 */
export function embedSource(target: Pick<EmbedTarget, 'provider' | 'id'>, lang: string): string {
  const { id } = target;
  switch (target.provider) {
    case 'youtube':
      return `https://www.youtube-nocookie.com/embed/${id}?autoplay=1`;
    case 'vk': {
      const [oid, video] = id.split('_');
      return `https://vkvideo.ru/video_ext.php?oid=${oid}&id=${video}&hd=2&autoplay=1`;
    }
    case 'rutube':
      return `https://rutube.ru/play/embed/${id}?autoplay=1`;
    case 'telegram':
      return `https://t.me/${id}?embed=1`;
    case 'x':
      return `https://platform.twitter.com/embed/Tweet.html?id=${id}&dnt=true&lang=${lang}`;
    case 'instagram':
      return `https://www.instagram.com/${id}/embed/captioned/`;
  }
}

/**
 * The link an editor should paste instead of a provider's embed code (an <iframe>, a Telegram
 * or X blockquote, Instagram's), or undefined when the code names no video or post we know.
 * @example linkInEmbedCode('<iframe src="https://www.youtube.com/embed/dQw4w9WgXcQ"></iframe>') // 'https://www.youtube.com/watch?v=dQw4w9WgXcQ'
 */
export function linkInEmbedCode(code: string): string | undefined {
  const text = code.replace(/&amp;/g, '&');
  const telegram = /data-telegram-post="([A-Za-z]\w{3,31}\/\d+)"/.exec(text);
  if (telegram) return `https://t.me/${telegram[1]}`;
  for (const [address] of text.matchAll(/(?:https?:)?\/\/[^\s"'<>]+/g)) {
    const href = address.startsWith('//') ? `https:${address}` : address;
    const direct = recognizeEmbed(href.replace(/[?#].*$/, (rest) => (/[?&]v=/.test(rest) ? rest : '')));
    if (direct) return direct.href;
    const player = playerLink(href);
    if (player) return player;
  }
  return undefined;
}

/** A player's own address (as embed codes name it) → the video's page. */
function playerLink(href: string): string | undefined {
  const url = parseUrl(href);
  if (!url) return undefined;
  const host = url.hostname.replace(/^www\./, '');
  const youtube = /^\/embed\/([\w-]{11})/.exec(url.pathname);
  if ((host === 'youtube.com' || host === 'youtube-nocookie.com') && youtube) return `https://www.youtube.com/watch?v=${youtube[1]}`;
  const oid = url.searchParams.get('oid');
  const id = url.searchParams.get('id');
  if ((host === 'vk.com' || host === 'vkvideo.ru' || host === 'vk.ru') && url.pathname === '/video_ext.php' && oid && id && /^-?\d+$/.test(oid) && /^\d+$/.test(id)) return `https://vkvideo.ru/video${oid}_${id}`;
  const rutube = /^\/play\/embed\/([0-9a-f]{32})/.exec(url.pathname);
  if (host === 'rutube.ru' && rutube) return `https://rutube.ru/video/${rutube[1]}/`;
  const tweet = url.searchParams.get('id');
  if (host === 'platform.twitter.com' && tweet && /^\d+$/.test(tweet)) return `https://x.com/i/status/${tweet}`;
  return undefined;
}

function parseUrl(href: string): URL | undefined {
  if (!/^https?:\/\//i.test(href)) return undefined;
  try {
    return new URL(href);
  } catch {
    return undefined;
  }
}
