/** A WordPress export of a few lines, for one behaviour per test. */
export interface WxrPost {
  id: number;
  title: string;
  slug?: string;
  type?: string;
  status?: string;
  date?: string;
  gmt?: string;
  content?: string;
  excerpt?: string;
  creator?: string;
  categories?: [domain: string, nicename: string, name: string][];
  meta?: Record<string, string>;
  link?: string;
  comments?: number;
  extra?: string;
}

export function wxr(posts: WxrPost[], o: { version?: string; https?: boolean; language?: string; head?: string } = {}): string {
  const version = o.version ?? '1.2';
  const ns = `${o.https ? 'https' : 'http'}://wordpress.org/export/${version}/`;
  const item = (p: WxrPost) => `
<item>
  <title>${p.title}</title>
  <link>${p.link ?? `https://old.kz/${p.slug ?? p.id}/`}</link>
  <dc:creator><![CDATA[${p.creator ?? 'anna'}]]></dc:creator>
  <guid isPermaLink="false">https://old.kz/?p=${p.id}</guid>
  <content:encoded><![CDATA[${p.content ?? 'Текст.'}]]></content:encoded>
  <excerpt:encoded><![CDATA[${p.excerpt ?? ''}]]></excerpt:encoded>
  <wp:post_id>${p.id}</wp:post_id>
  <wp:post_date><![CDATA[${p.date ?? '2015-01-27 20:56:57'}]]></wp:post_date>
  <wp:post_date_gmt><![CDATA[${p.gmt ?? '2015-01-27 14:56:57'}]]></wp:post_date_gmt>
  <wp:post_name><![CDATA[${p.slug ?? ''}]]></wp:post_name>
  <wp:status><![CDATA[${p.status ?? 'publish'}]]></wp:status>
  <wp:post_type><![CDATA[${p.type ?? 'post'}]]></wp:post_type>
  <wp:is_sticky>0</wp:is_sticky>
  ${(p.categories ?? [['category', 'novosti', 'Новости']]).map(([d, n, name]) => `<category domain="${d}" nicename="${n}"><![CDATA[${name}]]></category>`).join('\n  ')}
  ${Object.entries(p.meta ?? {}).map(([k, v]) => `<wp:postmeta><wp:meta_key>${k}</wp:meta_key><wp:meta_value><![CDATA[${v}]]></wp:meta_value></wp:postmeta>`).join('\n  ')}
  ${Array.from({ length: p.comments ?? 0 }, (_, i) => `<wp:comment><wp:comment_id>${i + 1}</wp:comment_id><wp:comment_content><![CDATA[Комментарий]]></wp:comment_content></wp:comment>`).join('\n  ')}
  ${p.extra ?? ''}
</item>`;
  return `<?xml version="1.0" encoding="UTF-8" ?>
${o.head ?? ''}<rss version="2.0" xmlns:excerpt="${ns}excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="${ns}">
<channel>
  <title>Старый сайт</title>
  <link>https://old.kz</link>
  <language>${o.language ?? 'ru-RU'}</language>
  <wp:wxr_version>${version}</wp:wxr_version>
  <wp:base_site_url>https://old.kz</wp:base_site_url>
  <wp:base_blog_url>https://old.kz</wp:base_blog_url>
  <wp:author><wp:author_login><![CDATA[anna]]></wp:author_login><wp:author_display_name><![CDATA[Анна Петрова]]></wp:author_display_name></wp:author>
  <wp:category><wp:term_id>1</wp:term_id><wp:category_nicename><![CDATA[novosti]]></wp:category_nicename><wp:cat_name><![CDATA[Новости]]></wp:cat_name></wp:category>
${posts.map(item).join('\n')}
</channel>
</rss>
`;
}
