import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import request from 'supertest';
import { afterAll, describe, expect, it } from 'vitest';
import { ContentLoadError } from '../../src/problems/errors.js';
import { copyContent, FIXTURE_NOW, testSite, VALID } from '../helpers.js';

const content = await copyContent(VALID);
await writeFile(
  path.join(content.dir, 'news/broken.ru.md'),
  '---\ntitle: Сломанная\ndate: 2026-01-21\nauthor: anna\ntopics: [ekonomika]\n---\nТекст.\n',
);
const { app, logs, close } = await testSite(content.dir, { now: FIXTURE_NOW });
afterAll(async () => {
  close();
  await content.remove();
});

describe('a broken article file', () => {
  it('is logged with file, line and field', () => {
    const warning = logs.find((l) => String(l.file).endsWith('news/broken.ru.md'));
    expect(warning).toMatchObject({ level: 40, line: 5, field: 'topics.0' });
    expect(warning!.msg).toMatch(/news\/broken\.ru\.md:5:10 topics\.0: Unknown topic "ekonomika"\. Did you mean "economy"\?/);
  });

  it('is left out, and the rest of the site keeps serving', async () => {
    await request(app).get('/ru/news/broken').expect(404);
    await request(app).get('/ru/news/first-story').expect(200);
    const home = await request(app).get('/ru/').expect(200);
    expect(home.text).not.toContain('Сломанная');
  });

  it('is counted in /healthz', async () => {
    const res = await request(app).get('/healthz').expect(200);
    expect(res.body.content.problems).toBe(1);
  });
});

describe('a broken site.yml', () => {
  it('stops the start with every problem named', async () => {
    const broken = await copyContent(VALID);
    await writeFile(path.join(broken.dir, 'site.yml'), 'founded: "давно"\n');
    const failure = await testSite(broken.dir).catch((error: unknown) => error);
    await broken.remove();
    expect(failure).toBeInstanceOf(ContentLoadError);
    expect((failure as ContentLoadError).problems.map((p) => `${path.basename(p.file)}:${p.line} ${p.field}`)).toEqual([
      'site.yml:1 founded',
      'site.yml:1 name',
      'site.yml:1 shortName',
      'site.yml:1 description',
      'site.yml:1 registration',
    ]);
  });
});
