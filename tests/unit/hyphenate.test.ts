import { describe, expect, it } from 'vitest';
import { leadStory } from '../../src/index/queries.js';
import type { Article } from '../../src/parse/types.js';
import { fitClass, hyphenate, longestUnbreakable } from '../../src/text/hyphenate.js';
import { typeset } from '../../src/text/typography.js';

const SHY = '\u00ad';

describe('hyphenation', () => {
  it('puts soft hyphens into long Russian words by the Russian patterns', () => {
    expect(hyphenate('по совершенствованию', 'ru')).toBe(`по со${SHY}вер${SHY}шен${SHY}ство${SHY}ва${SHY}нию`);
  });

  it('puts soft hyphens into long English words by the English patterns', () => {
    expect(hyphenate('International cooperation', 'en')).toBe(`In${SHY}ter${SHY}na${SHY}tion${SHY}al co${SHY}op${SHY}er${SHY}a${SHY}tion`);
  });

  it('leaves short words and Kazakh text whole', () => {
    expect(hyphenate('Казахстан и Китай', 'ru')).toBe(`Ка${SHY}зах${SHY}стан и Китай`);
    expect(hyphenate('ынтымақтастықты күшейтуде', 'kk')).toBe('ынтымақтастықты күшейтуде');
  });

  it('keeps the words themselves: without soft hyphens the text is the typeset text', () => {
    const title = 'Казахстан усиливает сотрудничество с одной из самых богатых провинций Китая';
    expect(hyphenate(typeset(title, 'ru'), 'ru').replaceAll(SHY, '')).toBe(typeset(title, 'ru'));
  });
});

describe('fitting a headline', () => {
  it('measures the longest run no line may break inside: glued words count as one', () => {
    expect(longestUnbreakable('по\u00a0совершенствованию')).toBe(20);
    expect(longestUnbreakable(`по\u00a0со${SHY}вер${SHY}шен`)).toBe(5);
    expect(longestUnbreakable('торгово-экономическое')).toBe(13);
  });

  it('sets a smaller size only for headlines with a long unbreakable run', () => {
    expect(fitClass('Қазақстан Қытайдың ең бай провинцияларының бірімен')).toBe('fit-15');
    expect(fitClass('Short words only here')).toBe('');
    expect(fitClass('a'.repeat(40))).toBe('fit-28');
  });
});

describe('the lead story', () => {
  const article = (slug: string, extra: Partial<Article> = {}) => ({ slug, ...extra }) as Article;
  const index = (articles: Article[]) => articles;

  it('is the newest featured article', () => {
    expect(leadStory(index([article('new'), article('photo', { image: { src: 'a.jpg', alt: 'a' } }), article('featured', { featured: true })]))?.slug).toBe('featured');
  });

  it('is otherwise the newest with a photo, else the newest', () => {
    expect(leadStory(index([article('new'), article('photo', { image: { src: 'a.jpg', alt: 'a' } })]))?.slug).toBe('photo');
    expect(leadStory(index([article('new'), article('old')]))?.slug).toBe('new');
    expect(leadStory(index([]))).toBeUndefined();
  });
});
