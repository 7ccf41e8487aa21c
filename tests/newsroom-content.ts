import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * The newsroom's forms as articles, written into a copy of a content folder whose authors.yml
 * has `author` and topics.yml has `topic`: live coverage across midnight, a breaking story,
 * an advertisement with an outbound link, a corrected story and a draft. Dates are Almaty time,
 * around the moment NEWSROOM_NOW.
 */
export const NEWSROOM_NOW = new Date('2026-03-10T07:00:00Z'); // 12:00 in Almaty

export async function writeNewsroomArticles(contentDir: string, { author, topic }: { author: string; topic: string }): Promise<void> {
  const news = path.join(contentDir, 'news', '2026', '03');
  await mkdir(news, { recursive: true });
  const front = (lines: string[]) => `---\n${lines.join('\n')}\nauthor: ${author}\ntopics: [${topic}]\n---\n`;
  const files: Record<string, string> = {
    'forum-live.ru.md':
      front(['title: "Астанинский форум: онлайн-трансляция"', 'lead: Главное с форума — по мере того, как это происходит.', 'date: 2026-03-09T22:00', 'live: true']) +
      'Мы следим за вторым днём форума.\n\n' +
      '## 11:40 Подписано соглашение о логистике\n\nСтороны подписали соглашение о новом маршруте через Каспий.\n\n' +
      '## 00:30 Делегации разъехались\n\nПервый день закончился после полуночи.\n\n' +
      '## 23:15 Пленарное заседание\n\nПрезидент выступил с речью о торговле.\n\n' +
      '## 22:05 Открытие форума\n\nФорум открылся в Астане.\n',
    'forum-live.en.md':
      front(['title: Astana forum live', 'lead: The forum as it happens.', 'date: 2026-03-09T22:00', 'live: true', 'live_until: 2026-03-10T11:00']) +
      '## 11:40 Logistics agreement signed\n\nThe sides signed an agreement on a new route across the Caspian.\n\n' +
      '## 22:05 The forum opens\n\nThe forum opened in Astana.\n',
    'tokaev-breaking.ru.md':
      front(['title: Токаев подписал указ о новом правительстве', 'lead: Указ опубликован на сайте Акорды.', 'date: 2026-03-10T11:30', 'breaking: true']) +
      'Президент подписал указ. Подробности следуют.\n',
    'bank-promo.ru.md':
      front(['title: Новый вклад для жителей Астаны', 'lead: Банк предлагает вклад с ежемесячной выплатой.', 'date: 2026-03-10T09:00', 'sponsored:', '  advertiser: АО «Пример Банк»', '  erid: 2VtzqwXyZab']) +
      'Подробности — на [сайте банка](https://bank.example/deposit).\n',
    'budget-corrected.ru.md':
      front([
        'title: Бюджет на 2026 год утверждён',
        'lead: Мажилис утвердил республиканский бюджет.',
        'date: 2026-03-08T10:00',
        'corrections:',
        '  - date: 2026-03-08T15:40',
        '    text: Исправлена сумма расходов — 25,3 трлн тенге, а не 23,5 трлн.',
        '  - date: 2026-03-09T09:10',
        '    text: Уточнена фамилия министра финансов.',
      ]) + 'Мажилис утвердил бюджет.\n',
    'budget-draft.ru.md': front(['title: Черновик о бюджете', 'date: 2026-03-10T08:00', 'draft: true']) + 'Текст черновика.\n',
  };
  await Promise.all(Object.entries(files).map(([name, text]) => writeFile(path.join(news, name), text)));
}
