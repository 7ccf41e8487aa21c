/**
 * Sentence templates. Each returns the same statement in Russian, Kazakh and English,
 * { ru, kk, en }, so that an article's translations match its original sentence by sentence.
 * `story` holds what the article is about (its actor, object, place, person, figures); a
 * template also draws fresh phrases from `random` so no two paragraphs read alike.
 */
import { ACC, DAT, GEN, INS, NOM, PREP, actor, amount, capitalize as cap, person, predicateKk, predicateRu, thing } from './phrases.mjs';
import { decimal, kazakhCase, participleRu, pastRu, whole } from './grammar.mjs';
import { COMPANIES, COUNTRIES, METRICS, MONTHS, OCCASIONS, PASSIVES, PLACES, PLANS, SOURCES, VERBS, VILLAGES } from './vocabulary.mjs';

const GREW = { m: 'вырос', f: 'выросла', n: 'выросло', pl: 'выросли' };
const bold = (random, text) => (random.chance(0.15) ? `**${text}**` : text);

/** What one article is about; drawn once, used by its title, lead and every template. */
export function story(random, topic, year) {
  return {
    random,
    topic,
    year,
    actor: actor(random, topic),
    object: thing(random, topic),
    verb: random.pick(VERBS),
    place: random.pick(PLACES),
    country: random.pick(COUNTRIES),
    person: person(random),
    metric: random.pick(METRICS),
  };
}

/** The news itself: «В Шымкенте акимат обсудил новый проект» — title, lead and first sentence. */
export function headline(s) {
  const { actor: a, object: o, verb: v, place: p } = s;
  return {
    ru: `${cap(a.ru(NOM))} ${predicateRu(v, a.g, o)} в ${p.prep}`,
    kk: `${cap(a.kk())} ${kazakhCase(p.kk, 'loc')} ${predicateKk(v, o)}`,
    en: `${cap(a.en)} ${v.en} ${o.en} in ${p.en}`,
  };
}

/** Other shapes of a title, so titles (and slugs) vary. */
export function title(s) {
  const { random, object: o, place: p, metric: m } = s;
  const kind = random.next();
  if (kind < 0.6) return headline(s);
  if (kind < 0.85) {
    const passive = random.pick(PASSIVES);
    return {
      ru: `${cap(o.ru(NOM))} ${participleRu(passive.ru, o.g, passive.rest ?? '')} в ${p.prep}`,
      kk: `${kazakhCase(p.kk, 'loc')} ${o.kk()} ${passive.kk}`,
      en: `${cap(o.enIndefinite)} ${passive.en} in ${p.en}`,
    };
  }
  const pct = random.decimal(0.4, 38);
  return {
    ru: `В ${p.prep} ${m.ru} ${GREW[m.g]} на ${decimal(pct, 'ru')} процента`,
    kk: `${kazakhCase(p.kk, 'loc')} ${m.kk} ${decimal(pct, 'kk')} пайызға өсті`,
    en: `${cap(m.en)} in ${p.en} up ${decimal(pct, 'en')}%`,
  };
}

export function opening(s) {
  const h = headline(s);
  return { ru: `${h.ru}, передает DKNews.kz.`, kk: `${h.kk}, деп хабарлайды DKNews.kz.`, en: `${h.en}, DKNews.kz reports.` };
}

/** Body sentences. A template returns undefined when it does not fit the story (then another is drawn). */
export const TEMPLATES = [
  function occasion(s) {
    const { random } = s;
    const o = random.pick(OCCASIONS);
    const a = random.chance(0.5) ? s.actor : actor(random, s.topic);
    const v = random.pick(VERBS);
    const obj = random.chance(0.4) ? s.object : thing(random, s.topic);
    return {
      ru: `${cap(o.ru)} ${a.ru(NOM)} ${predicateRu(v, a.g, obj)}.`,
      kk: `${cap(o.kk)} ${a.kk()} ${predicateKk(v, obj)}.`,
      en: `${cap(o.en)}, ${a.en} ${v.en} ${obj.en}.`,
    };
  },
  function plans(s) {
    const { random, actor: a, object: o, person: who } = s;
    const plan = random.pick(PLANS);
    const by = s.year + random.int(1, 4);
    const many = a.g === 'pl';
    return {
      ru: `По словам ${who.ruGen}, ${a.ru(NOM)} ${many ? 'планируют' : 'планирует'} ${plan.ru} ${o.ru(ACC)} до ${by} года.`,
      kk: `${cap(who.kkGen)} айтуынша, ${a.kk()} ${o.kk('acc')} ${by} жылға дейін ${plan.kk} жоспарлап отыр.`,
      en: `According to ${who.en}, ${a.en} ${many ? 'plan' : 'plans'} to ${plan.en} ${o.en} by ${by}.`,
    };
  },
  function figures(s) {
    const { random } = s;
    const m = random.chance(0.5) ? s.metric : random.pick(METRICS);
    const pct = random.decimal(0.3, 24);
    const total = amount(random, m.unit);
    const year = s.year - 1;
    const growth = { ru: bold(random, `${decimal(pct, 'ru')} процента`), kk: `${decimal(pct, 'kk')} пайызға`, en: `${decimal(pct, 'en')}%` };
    return {
      ru: `По итогам ${year} года ${m.ru} ${GREW[m.g]} на ${growth.ru} и ${pastRu('составил', m.g)} ${total.ru}.`,
      kk: `${year} жылдың қорытындысы бойынша ${m.kk} ${growth.kk} өсіп, ${total.kkAcc} құрады.`,
      en: `In ${year}, ${m.en} grew by ${growth.en} to ${total.en}.`,
    };
  },
  function experts(s) {
    const { random, object: o } = s;
    const jobs = random.int(3, 120) * 50;
    return {
      ru: `Эксперты отмечают, что ${o.ru(NOM)} ${o.g === 'pl' ? 'позволят' : 'позволит'} создать более ${whole(jobs, 'ru')} рабочих мест.`,
      kk: `Сарапшылардың пікірінше, ${o.kk()} ${whole(jobs, 'kk')} жаңа жұмыс орнын ашуға мүмкіндік береді.`,
      en: `Experts say ${o.en} will create more than ${whole(jobs, 'en')} jobs.`,
    };
  },
  function attention(s) {
    const o = thing(s.random, s.topic);
    return {
      ru: `Особое внимание было уделено ${o.ru(DAT)}.`,
      kk: `Кездесу барысында ${o.kk('dat')} ерекше назар аударылды.`,
      en: `Particular attention was paid to ${o.en}.`,
    };
  },
  function alsoDiscussed(s) {
    const [a, b] = [thing(s.random, s.topic), thing(s.random, s.topic)];
    return {
      ru: `Стороны также обсудили ${a.ru(ACC)} и ${b.ru(ACC)}.`,
      kk: `Тараптар сондай-ақ ${a.kk('acc')} және ${b.kk('acc')} талқылады.`,
      en: `The sides also discussed ${a.en} and ${b.en}.`,
    };
  },
  function funding(s) {
    const { random } = s;
    const money = amount(random, 'tenge');
    const source = random.pick(SOURCES);
    return {
      ru: `На реализацию проекта предусмотрено ${money.ru} из ${source.ru}.`,
      kk: `Жобаны іске асыруға ${source.kk} ${money.kk} бөлінеді.`,
      en: `${money.en} from ${source.en} has been set aside for the project.`,
    };
  },
  function deadline(s) {
    const { object: o } = s;
    const until = s.year + s.random.int(1, 5);
    return {
      ru: `Реализация ${o.ru(GEN)} рассчитана до ${until} года.`,
      kk: `${cap(o.kk('gen'))} іске асырылуы ${until} жылға дейін жоспарланған.`,
      en: `Work on ${o.en} is scheduled to run until ${until}.`,
    };
  },
  function pressService(s) {
    const { random } = s;
    const a = actor(random, s.topic);
    const o = thing(random, s.topic);
    const passive = random.pick(PASSIVES);
    const month = random.pick(MONTHS);
    return {
      ru: `Как сообщает пресс-служба ${a.ru(GEN)}, ${o.ru(NOM)} ${participleRu(passive.ru, o.g, passive.rest ?? '')} в ${month.ru}.`,
      kk: `${cap(a.kk('gen'))} баспасөз қызметінің хабарлауынша, ${o.kk()} ${month.kk} ${passive.kk}.`,
      en: `According to the press service of ${a.en}, ${o.en} was ${passive.en} in ${month.en}.`,
    };
  },
  function priorities(s) {
    const { actor: a, object: o } = s;
    if (!a.org) return undefined;
    return {
      ru: `В ${a.ru(PREP)} подчеркнули, что ${o.ru(NOM)} ${o.g === 'pl' ? 'остаются' : 'остается'} в числе приоритетов на ${s.year} год.`,
      kk: `${cap(a.kk('loc'))} ${o.kk()} ${s.year} жылғы басымдықтардың бірі болып қала беретінін атап өтті.`,
      en: `${cap(a.en)} stressed that ${o.en} remains among its priorities for ${s.year}.`,
    };
  },
  function opened(s) {
    const { random } = s;
    const o = thing(random, s.topic);
    const passive = random.pick(PASSIVES);
    const place = random.pick(PLACES);
    const month = random.pick(MONTHS);
    const year = s.year - random.int(0, 1);
    return {
      ru: `${cap(o.ru(NOM))} ${participleRu(passive.ru, o.g, passive.rest ?? '')} в ${place.prep} в ${month.ru} ${year} года.`,
      kk: `${year} жылы ${month.kk} ${kazakhCase(place.kk, 'loc')} ${o.kk()} ${passive.kk}.`,
      en: `${cap(o.enIndefinite)} was ${passive.en} in ${place.en} in ${month.en} ${year}.`,
    };
  },
  function residents(s) {
    const { object: o, place: p } = s;
    const year = s.year + s.random.int(0, 2);
    return {
      ru: `Жители ${p.gen} смогут воспользоваться ${o.ru(INS)} уже в ${year} году.`,
      kk: `${p.kk} тұрғындары ${o.kk('acc')} ${year} жылы пайдалана алады.`,
      en: `Residents of ${p.en} will be able to use ${o.en} as early as ${year}.`,
    };
  },
  function trade(s) {
    const { random } = s;
    const country = random.chance(0.6) ? s.country : random.pick(COUNTRIES);
    const months = random.int(5, 11);
    const total = amount(random, 'usd');
    const year = s.year - random.int(0, 1);
    return {
      ru: `Товарооборот между Казахстаном и ${country.ins} за ${months} месяцев ${year} года составил ${bold(random, total.ru)}.`,
      kk: `${year} жылдың ${months} айында Қазақстан мен ${country.kk} арасындағы тауар айналымы ${total.kkAcc} құрады.`,
      en: `Trade between Kazakhstan and ${country.en} reached ${total.en} in the first ${months} months of ${year}.`,
    };
  },
  function delegation(s) {
    const a = actor(s.random, s.topic);
    return {
      ru: `В переговорах также приняли участие представители ${s.country.gen} и ${a.ru(GEN)}.`,
      kk: `Келіссөздерге сондай-ақ ${s.country.kk} және ${a.kk()} өкілдері қатысты.`,
      en: `Representatives of ${s.country.en} and ${a.en} also took part in the talks.`,
    };
  },
  function agreed(s) {
    const o = s.random.chance(0.5) ? s.object : thing(s.random, s.topic);
    return {
      ru: `Участники встречи договорились продолжить работу над ${o.ru(INS)}.`,
      kk: `Кездесу қатысушылары ${o.kk()} бойынша жұмысты жалғастыруға уағдаласты.`,
      en: `Participants agreed to continue work on ${o.en}.`,
    };
  },
  function quote(s) {
    const { object: o, place: p, person: who } = s;
    // Editors type a spaced hyphen; the site's typography makes it a dash.
    return {
      ru: `«${cap(o.ru(NOM))} - важный шаг для ${p.gen}», - ${who.female ? 'отметила' : 'отметил'} ${who.ruNom}.`,
      kk: `«${cap(o.kk())} - ${p.kk} үшін маңызды қадам», - деді ${who.kkNom}.`,
      en: `"${cap(o.en)} is an important step for ${p.en}," said ${who.en}.`,
    };
  },
  function village(s) {
    const { random } = s;
    const v = random.pick(VILLAGES);
    const o = thing(random, s.topic);
    const passive = random.pick(PASSIVES);
    return {
      ru: `В селе ${v.ru} ${o.ru(NOM)} ${participleRu(passive.ru, o.g, passive.rest ?? '')} при поддержке ${s.actor.ru(GEN)}.`,
      kk: `${v.kk} ауылында ${s.actor.kk('gen')} қолдауымен ${o.kk()} ${passive.kk}.`,
      en: `In the village of ${v.en}, ${o.enIndefinite} was ${passive.en} with the support of ${s.actor.en}.`,
    };
  },
  function company(s) {
    const { random, object: o } = s;
    const c = random.pick(COMPANIES);
    const money = amount(random, 'tenge');
    return {
      ru: `ТОО «${c.ru}» инвестирует ${money.ru} в ${o.ru(ACC)}.`,
      kk: `«${c.kk}» ЖШС ${o.kk('dat')} ${money.kk} инвестиция салады.`,
      en: `${c.en} LLP will invest ${money.en} in ${o.en}.`,
    };
  },
  function contractor(s) {
    const c = s.random.pick(COMPANIES);
    const other = s.random.pick(COMPANIES);
    return {
      ru: `Подрядчиком выступает ТОО «${c.ru}», субподрядчиком — компания «${other.ru}».`,
      kk: `Мердігер — «${c.kk}» ЖШС, қосалқы мердігер — «${other.kk}» компаниясы.`,
      en: `The contractor is ${c.en} LLP, with ${other.en} as subcontractor.`,
    };
  },
  function startDate(s) {
    const { random } = s;
    const month = random.pick(MONTHS);
    const day = random.int(1, 28);
    const year = s.year + random.int(0, 1);
    return {
      ru: `Работы начнутся ${day} ${month.ruGen} ${year} года.`,
      kk: `Жұмыстар ${year} жылғы ${day} ${month.kk} басталады.`,
      en: `Work will begin on ${day} ${month.en} ${year}.`,
    };
  },
  function earlier(s) {
    if (!s.earlierSlug) return undefined;
    const a = actor(s.random, s.topic);
    return {
      ru: `Ранее DKNews.kz [писал](/ru/news/${s.earlierSlug}) о планах ${a.ru(GEN)}.`,
      kk: `Бұған дейін DKNews.kz ${a.kk('gen')} жоспарлары туралы [жазған болатын](/kk/news/${s.earlierSlug}).`,
      en: `DKNews.kz [reported earlier](/en/news/${s.earlierSlug}) on the plans of ${a.en}.`,
    };
  },
  function document() {
    return {
      ru: 'Полный текст документа опубликован на [портале открытых НПА](https://legalacts.egov.kz/).',
      kk: 'Құжаттың толық мәтіні [ашық НҚА порталында](https://legalacts.egov.kz/) жарияланған.',
      en: 'The full text of the document is published on the [open legal acts portal](https://legalacts.egov.kz/).',
    };
  },
];

// Links are rarer than plain statements in real news; the last two templates are drawn less often.
const COMMON = TEMPLATES.slice(0, -2);
const RARE = TEMPLATES.slice(-2);

/**
 * One body sentence that fits the story and is not already in it (a few tries, then a repeat
 * is let through: an article may well say a thing twice). `plain` leaves out links, for the lead.
 */
export function sentence(s, { plain = false } = {}) {
  s.said ??= new Set();
  let made;
  for (let repeats = 0; ; ) {
    const list = !plain && s.random.chance(0.06) ? RARE : COMMON;
    made = s.random.pick(list)(s);
    if (!made) continue;
    if (!s.said.has(made.ru) || ++repeats >= 8) break;
  }
  s.said.add(made.ru);
  return made;
}

/** A short bulleted list, as editors use for key figures or measures. */
export function bulletList(s) {
  const items = [0, 1, 2].map(() => thing(s.random, s.topic));
  return {
    ru: items.map((o) => `- ${o.ru(NOM)};`).join('\n').replace(/;$/, '.'),
    kk: items.map((o) => `- ${o.kk()};`).join('\n').replace(/;$/, '.'),
    en: items.map((o) => `- ${o.en.replace(/^the /, '')};`).join('\n').replace(/;$/, '.'),
  };
}
