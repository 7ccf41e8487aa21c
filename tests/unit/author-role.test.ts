import { describe, expect, it } from 'vitest';
import { parseAuthors } from '../../src/parse/parse-data.js';
import { russianIdentifiers } from '../../src/text/foreign-words.js';

const authors = (text: string) => parseAuthors({ file: 'content/authors.yml', relativePath: 'authors.yml', text });

describe('an author’s role per language', () => {
  it('is read per language', () => {
    const { value, problems } = authors('arman:\n  name: { ru: Арман, kk: Арман, en: Arman }\n  role: { ru: Шеф-редактор, kk: Бас редактор, en: Editor-in-Chief }\n');
    expect(problems).toEqual([]);
    expect(value![0]!.role).toEqual({ ru: 'Шеф-редактор', kk: 'Бас редактор', en: 'Editor-in-Chief' });
  });

  it('falls back to the Russian one where a language is missing, with a warning naming it', () => {
    const { value, problems } = authors('arman:\n  name: { ru: Арман, kk: Арман, en: Arman }\n  role:\n    ru: Шеф-редактор\n    en: Editor-in-Chief\n');
    expect(value![0]!.role).toEqual({ ru: 'Шеф-редактор', kk: 'Шеф-редактор', en: 'Editor-in-Chief' });
    expect(problems.map((p) => [p.warning, p.format()])).toEqual([
      [true, 'content/authors.yml:3:3 arman.role.kk: У автора arman нет должности на казахском (role.kk): там будет показана «Шеф-редактор». Добавьте в role строку «kk: …».'],
    ]);
  });

  it('given as one text, is the Russian one, with a warning for each language it stands in for', () => {
    const { value, problems } = authors('anna:\n  name: { ru: Анна, kk: Анна, en: Anna }\n  role: Корреспондент\n');
    expect(value![0]!.role).toEqual({ ru: 'Корреспондент', kk: 'Корреспондент', en: 'Корреспондент' });
    expect(problems.map((p) => p.field)).toEqual(['anna.role.kk', 'anna.role.en']);
  });
});

describe('a role written wrong, told in the editor\'s words at its own line', () => {
  const problems = (role: string) => authors(`anna:\n  name: { ru: Анна, kk: Анна, en: Anna }\n${role}\n`).problems.map((p) => p.format());

  it('a number: to be written as text, in quotes', () => {
    expect(problems('  role: 42')).toEqual(['content/authors.yml:3:3 anna.role: Поле anna.role — это текст, а не число 42. Если это и есть текст, возьмите его в кавычки: role: "42"']);
  });

  it('a list: not text', () => {
    expect(problems('  role: [a, b]')).toEqual(['content/authors.yml:3:3 anna.role: Поле anna.role — это текст, а не список [a, b].']);
  });

  it('a language\'s text that is not text: the language named, at its column', () => {
    expect(problems('  role: { ru: 5 }')).toEqual(['content/authors.yml:3:11 anna.role.ru: Поле anna.role.ru — это текст, а не число 5. Если это и есть текст, возьмите его в кавычки: ru: "5"']);
  });

  it('an unknown language: the languages it may have listed', () => {
    expect(problems('  role:\n    de: Redakteur')).toEqual(['content/authors.yml:4:5 anna.role.de: Неизвестное поле «de». Может быть, «ru»? Поля: ru, kk, en.']);
  });
});

describe('russianIdentifiers', () => {
  it('marks a registration number on an English page', () => {
    expect(russianIdentifiers('Certificate No. 10484-АА was issued', 'en')).toEqual([
      { text: 'Certificate No. ' },
      { text: '10484-АА', lang: 'ru' },
      { text: ' was issued' },
    ]);
  });

  it('leaves a Russian page as it is', () => {
    expect(russianIdentifiers('№ 10484-АА выдано', 'ru')).toEqual([{ text: '№ 10484-АА выдано' }]);
  });
});
