import type { ContentError } from '../content/errors.js';
import type { EditorLang } from '../content/messages.js';

/**
 * One problem as `npm run check` prints it: place, field (`-` when none) and message, separated
 * by two spaces so that the columns stand out and `path:line:col` stays clickable in editors.
 * @example formatProblemLine(problem, 'ru') // 'content/news/x.ru.md:5:19  topics.1  Неизвестная тема «ekonomika». …'
 */
export function formatProblemLine(problem: ContentError, lang: EditorLang): string {
  const where = problem.column === undefined ? `${problem.file}:${problem.line}` : `${problem.file}:${problem.line}:${problem.column}`;
  const label = problem.warning ? (lang === 'ru' ? 'Предупреждение: ' : 'Warning: ') : '';
  return `${where}  ${problem.field || '-'}  ${label}${problem.describe(lang)}`;
}
