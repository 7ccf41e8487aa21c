// Kazakh is agglutinative: a word is a stem plus a chain of suffixes (plural, possessive,
// case). No well-kept Snowball stemmer exists for it, so this strips the common inflectional
// endings, longest first, and keeps at least three letters of stem: «Қазақстанның» →
// «қазақстан», «өңірлерімен» → «өңір». Light on purpose: a wrong cut costs recall, not safety.
// Suffixes come in a fixed order after the stem: derivation, plural, possessive, case. They
// are stripped from the end in the opposite order, at most one of each kind.
const KINDS = [
  // case
  ['ның', 'нің', 'дың', 'дің', 'тың', 'тің', 'ға', 'ге', 'қа', 'ке', 'на', 'не', 'нда', 'нде', 'да', 'де', 'та', 'те',
    'нан', 'нен', 'дан', 'ден', 'тан', 'тен', 'ды', 'ді', 'ты', 'ті', 'ны', 'ні', 'мен', 'бен', 'пен',
    'ндағы', 'ндегі', 'дағы', 'дегі', 'тағы', 'тегі'],
  // possessive
  ['ымыз', 'іміз', 'ыңыз', 'іңіз', 'сы', 'сі', 'ым', 'ім', 'ың', 'ің', 'ы', 'і'],
  // plural
  ['лар', 'лер', 'дар', 'дер', 'тар', 'тер'],
  // derivation that news search wants folded: -лық/-лік (-ship, -ness)
  ['лық', 'лік', 'дық', 'дік', 'тық', 'тік'],
].map((kind) => kind.sort((a, b) => b.length - a.length));

const MIN_STEM = 3;

/**
 * @example kazakhStem('қазақстанның') // 'қазақстан'
 */
export function kazakhStem(word: string): string {
  let stem = word;
  for (const kind of KINDS) {
    const suffix = kind.find((s) => stem.endsWith(s) && stem.length - s.length >= MIN_STEM);
    if (suffix) stem = stem.slice(0, -suffix.length);
  }
  return stem;
}
