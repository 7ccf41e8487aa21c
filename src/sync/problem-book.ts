import type { ContentError } from '../problems/errors.js';
import type { ReconcileReport } from './reconcile.js';

/**
 * The content's problems now, by file: each reconcile replaces the problems of the files it
 * looked at and keeps the others as they were; and by address (a slug, an old path claimed by
 * several files), which the writer settles again whenever a file claiming it is written or goes.
 * One book per index (a rebuild keeps its own until it replaces the serving one).
 */
export class ProblemBook {
  readonly #byFile = new Map<string, ContentError[]>();
  readonly #byAddress = new Map<string, ContentError[]>();
  /** Files served from their last good version, because their text on disk has problems. */
  readonly #lastGood = new Set<string>();

  /** Takes in what a reconcile found. */
  remember(report: Pick<ReconcileReport, 'examined' | 'scanned' | 'problems' | 'servedFromLastGood' | 'claims'>): void {
    for (const file of report.examined) {
      this.#byFile.delete(file);
      this.#lastGood.delete(file);
    }
    // Near misses are found again by every scan of their folder, so the earlier ones go.
    for (const folder of report.scanned) {
      for (const [file, problems] of this.#byFile) {
        if (file.startsWith(`${folder}/`) && problems.every((p) => p.code === 'near_miss_name')) this.#byFile.delete(file);
      }
    }
    for (const problem of report.problems) {
      const list = this.#byFile.get(problem.file);
      if (list) list.push(problem);
      else this.#byFile.set(problem.file, [problem]);
    }
    for (const file of report.servedFromLastGood) this.#lastGood.add(file);
    for (const [address, problems] of report.claims) {
      if (problems.length) this.#byAddress.set(address, problems);
      else this.#byAddress.delete(address);
    }
  }

  get problems(): ContentError[] {
    return [...this.#byFile.values(), ...this.#byAddress.values()].flat();
  }

  get servedFromLastGood(): string[] {
    return [...this.#lastGood];
  }
}

/** A problem's identity: the same place, field and words are the same problem, whichever reconcile found it. */
export function problemKey(problem: ContentError): string {
  return [problem.file, problem.line, problem.column ?? '', problem.field, problem.code, JSON.stringify(problem.params)].join('\0');
}

/** Whether two lists hold the same problems, in any order. */
export function sameProblems(a: readonly ContentError[], b: readonly ContentError[]): boolean {
  if (a.length !== b.length) return false;
  const keys = new Set(a.map(problemKey));
  return b.every((problem) => keys.has(problemKey(problem)));
}

/**
 * What the log has said of the content's problems: a problem is said once when it appears,
 * and again only if it goes and comes back (or changes, which makes it another problem). A
 * rescan that finds the same problems says nothing.
 */
export class ProblemLog {
  #said = new Set<string>();

  /** The problems and last-good files not said yet, of those there are now; what is gone is forgotten. */
  news(problems: readonly ContentError[], lastGood: readonly string[]): { problems: ContentError[]; lastGood: string[] } {
    const now = new Set<string>();
    const fresh: ContentError[] = [];
    for (const problem of problems) {
      const key = problemKey(problem);
      now.add(key);
      if (!this.#said.has(key)) fresh.push(problem);
    }
    const freshLastGood: string[] = [];
    for (const file of lastGood) {
      const key = `last-good\0${file}`;
      now.add(key);
      if (!this.#said.has(key)) freshLastGood.push(file);
    }
    this.#said = now;
    return { problems: fresh, lastGood: freshLastGood };
  }
}
