/**
 * Word lists for generated news, aligned across Russian, Kazakh and English so that a
 * translation says the same thing as its Russian original. Russian nouns carry their six case
 * forms (nom, gen, dat, acc, ins, prep) and gender; Kazakh ones their nominative (grammar.mjs
 * makes the cases); English ones a single form.
 */
import { adjective } from './grammar.mjs';

const TOPICS = ['politics', 'economy', 'international', 'society', 'regions'];

// ---------------------------------------------------------------------------------------------
// Who acts: ministries, akimats, companies, people. `org` marks an institution one can be «в»
// (В Министерстве энергетики подчеркнули…); `poss` a Kazakh name ending in the possessive.

const ministry = (ru, kk, en, topics) => ({
  ru: ['Министерство', 'Министерства', 'Министерству', 'Министерство', 'Министерством', 'Министерстве'].map((w) => `${w} ${ru}`),
  g: 'n',
  org: true,
  kk: `${kk} министрлігі`,
  poss: true,
  en: `the Ministry of ${en}`,
  topics,
});

const akimat = (ruCity, kk, en, topics = ['regions', 'society']) => ({
  ru: ['акимат', 'акимата', 'акимату', 'акимат', 'акиматом', 'акимате'].map((w) => `${w} ${ruCity}`),
  g: 'm',
  org: true,
  kk: `${kk} әкімдігі`,
  poss: true,
  en: `the ${en} administration`,
  topics,
});

export const ACTORS = [
  { ru: ['Правительство', 'Правительства', 'Правительству', 'Правительство', 'Правительством', 'Правительстве'].map((w) => `${w} Казахстана`), g: 'n', org: true, kk: 'Қазақстан Үкіметі', poss: true, en: 'the Government of Kazakhstan', topics: ['politics', 'economy'] },
  ministry('энергетики', 'Энергетика', 'Energy', ['economy', 'regions']),
  ministry('торговли и интеграции', 'Сауда және интеграция', 'Trade and Integration', ['economy', 'international']),
  ministry('национальной экономики', 'Ұлттық экономика', 'National Economy', ['economy', 'politics']),
  ministry('просвещения', 'Оқу-ағарту', 'Education', ['society']),
  ministry('здравоохранения', 'Денсаулық сақтау', 'Health', ['society']),
  ministry('цифрового развития', 'Цифрлық даму', 'Digital Development', ['economy', 'society']),
  ministry('транспорта', 'Көлік', 'Transport', ['economy', 'regions', 'international']),
  ministry('иностранных дел', 'Сыртқы істер', 'Foreign Affairs', ['international', 'politics']),
  ministry('сельского хозяйства', 'Ауыл шаруашылығы', 'Agriculture', ['economy', 'regions']),
  ministry('водных ресурсов и ирригации', 'Су ресурстары және ирригация', 'Water Resources and Irrigation', ['regions', 'economy']),
  { ru: ['Мажилис', 'Мажилиса', 'Мажилису', 'Мажилис', 'Мажилисом', 'Мажилисе'], g: 'm', org: true, kk: 'Мәжіліс', en: 'the Mazhilis', topics: ['politics'] },
  { ru: ['Сенат', 'Сената', 'Сенату', 'Сенат', 'Сенатом', 'Сенате'], g: 'm', org: true, kk: 'Сенат', en: 'the Senate', topics: ['politics'] },
  { ru: ['Национальный банк', 'Национального банка', 'Национальному банку', 'Национальный банк', 'Национальным банком', 'Национальном банке'], g: 'm', org: true, kk: 'Ұлттық банк', en: 'the National Bank', topics: ['economy'] },
  akimat('Алматы', 'Алматы қаласының', 'Almaty city'),
  akimat('Астаны', 'Астана қаласының', 'Astana city'),
  akimat('Шымкента', 'Шымкент қаласының', 'Shymkent city'),
  akimat('Карагандинской области', 'Қарағанды облысының', 'Karaganda Region'),
  akimat('Туркестанской области', 'Түркістан облысының', 'Turkestan Region'),
  akimat('Павлодарской области', 'Павлодар облысының', 'Pavlodar Region'),
  akimat('Мангистауской области', 'Маңғыстау облысының', 'Mangystau Region', ['regions', 'economy']),
  { ru: ['фонд «Самрук-Казына»', 'фонда «Самрук-Казына»', 'фонду «Самрук-Казына»', 'фонд «Самрук-Казына»', 'фондом «Самрук-Казына»', 'фонде «Самрук-Казына»'], g: 'm', org: true, kk: '«Самұрық-Қазына» қоры', poss: true, en: 'the Samruk-Kazyna fund', topics: ['economy'] },
  { ru: ['компания «КазМунайГаз»', 'компании «КазМунайГаз»', 'компании «КазМунайГаз»', 'компанию «КазМунайГаз»', 'компанией «КазМунайГаз»', 'компании «КазМунайГаз»'], g: 'f', org: true, kk: '«ҚазМұнайГаз» компаниясы', poss: true, en: 'KazMunayGas', topics: ['economy', 'regions'] },
  { ru: ['национальная компания «Қазақстан темір жолы»', 'национальной компании «Қазақстан темір жолы»', 'национальной компании «Қазақстан темір жолы»', 'национальную компанию «Қазақстан темір жолы»', 'национальной компанией «Қазақстан темір жолы»', 'национальной компании «Қазақстан темір жолы»'], g: 'f', org: true, kk: '«Қазақстан темір жолы» ұлттық компаниясы', poss: true, en: 'the national railway company Kazakhstan Temir Zholy', topics: ['economy', 'international'] },
  { ru: ['Палата предпринимателей «Атамекен»', 'Палаты предпринимателей «Атамекен»', 'Палате предпринимателей «Атамекен»', 'Палату предпринимателей «Атамекен»', 'Палатой предпринимателей «Атамекен»', 'Палате предпринимателей «Атамекен»'], g: 'f', org: true, kk: '«Атамекен» кәсіпкерлер палатасы', poss: true, en: 'the Atameken Chamber of Entrepreneurs', topics: ['economy', 'society'] },
  { ru: ['Евразийский банк развития', 'Евразийского банка развития', 'Евразийскому банку развития', 'Евразийский банк развития', 'Евразийским банком развития', 'Евразийском банке развития'], g: 'm', org: true, kk: 'Еуразиялық даму банкі', poss: true, en: 'the Eurasian Development Bank', topics: ['international', 'economy'] },
  { ru: ['Агентство по стратегическому планированию и реформам', 'Агентства по стратегическому планированию и реформам', 'Агентству по стратегическому планированию и реформам', 'Агентство по стратегическому планированию и реформам', 'Агентством по стратегическому планированию и реформам', 'Агентстве по стратегическому планированию и реформам'], g: 'n', org: true, kk: 'Стратегиялық жоспарлау және реформалар агенттігі', poss: true, en: 'the Agency for Strategic Planning and Reforms', topics: ['politics', 'economy'] },
  { ru: ['делегация Казахстана', 'делегации Казахстана', 'делегации Казахстана', 'делегацию Казахстана', 'делегацией Казахстана', 'делегации Казахстана'], g: 'f', kk: 'Қазақстан делегациясы', poss: true, en: 'the Kazakh delegation', topics: ['international'] },
  { ru: ['депутаты Мажилиса', 'депутатов Мажилиса', 'депутатам Мажилиса', 'депутатов Мажилиса', 'депутатами Мажилиса', 'депутатах Мажилиса'], g: 'pl', kk: 'Мәжіліс депутаттары', poss: true, en: 'Mazhilis deputies', topics: ['politics', 'society'] },
  { ru: ['представители бизнеса', 'представителей бизнеса', 'представителям бизнеса', 'представителей бизнеса', 'представителями бизнеса', 'представителях бизнеса'], g: 'pl', kk: 'бизнес өкілдері', poss: true, en: 'business representatives', topics: ['economy', 'regions'] },
  { ru: ['эксперты Всемирного банка', 'экспертов Всемирного банка', 'экспертам Всемирного банка', 'экспертов Всемирного банка', 'экспертами Всемирного банка', 'экспертах Всемирного банка'], g: 'pl', kk: 'Дүниежүзілік банк сарапшылары', poss: true, en: 'World Bank experts', topics: ['international', 'economy'] },
  { ru: ['Премьер-министр', 'Премьер-министра', 'Премьер-министру', 'Премьер-министра', 'Премьер-министром', 'Премьер-министре'], g: 'm', kk: 'Премьер-министр', en: 'the Prime Minister', topics: ['politics', 'economy'] },
  { ru: ['Глава государства', 'Главы государства', 'Главе государства', 'Главу государства', 'Главой государства', 'Главе государства'], g: 'm', kk: 'Мемлекет басшысы', poss: true, en: 'the Head of State', topics: ['politics', 'international'] },
];

// ---------------------------------------------------------------------------------------------
// What they act upon: an adjective or two, a noun, and a complement that never changes form
// («по переработке зерна»). Many combinations, so the vocabulary of the index grows as a
// real archive's does.

export const ADJECTIVES = [
  ['нов', 'жаңа', 'new'],
  ['крупн', 'ірі', 'major'],
  ['современн', 'заманауи', 'modern'],
  ['масштабн', 'ауқымды', 'large-scale'],
  ['региональн', 'өңірлік', 'regional'],
  ['национальн', 'ұлттық', 'national'],
  ['государственн', 'мемлекеттік', 'state'],
  ['стратегическ', 'стратегиялық', 'strategic'],
  ['инвестиционн', 'инвестициялық', 'investment'],
  ['инфраструктурн', 'инфрақұрылымдық', 'infrastructure'],
  ['промышленн', 'өнеркәсіптік', 'industrial'],
  ['экологическ', 'экологиялық', 'environmental'],
  ['социальн', 'әлеуметтік', 'social'],
  ['международн', 'халықаралық', 'international'],
  ['транспортн', 'көліктік', 'transport'],
  ['энергетическ', 'энергетикалық', 'energy'],
  ['цифров', 'цифрлық', 'digital', { stressed: true }],
  ['совместн', 'бірлескен', 'joint'],
  ['пилотн', 'пилоттық', 'pilot'],
  ['долгосрочн', 'ұзақ мерзімді', 'long-term'],
  ['агропромышленн', 'агроөнеркәсіптік', 'agro-industrial'],
  ['логистическ', 'логистикалық', 'logistics'],
  ['городск', 'қалалық', 'urban', { stressed: true }],
  ['сельск', 'ауылдық', 'rural'],
  ['образовательн', 'білім беру', 'educational'],
  ['медицинск', 'медициналық', 'medical'],
  ['туристическ', 'туристік', 'tourism'],
  ['инновационн', 'инновациялық', 'innovation'],
  ['экспортн', 'экспорттық', 'export'],
  ['антикризисн', 'дағдарысқа қарсы', 'anti-crisis'],
].map(([ru, kk, en, options]) => ({ ru: (g) => adjective(ru, g, options), kk, en }));

const noun = (g, ru, kk, en) => ({ g, ru, kk, en });

export const NOUNS = [
  noun('m', ['проект', 'проекта', 'проекту', 'проект', 'проектом', 'проекте'], 'жоба', 'project'),
  noun('f', ['программа', 'программы', 'программе', 'программу', 'программой', 'программе'], 'бағдарлама', 'programme'),
  noun('f', ['инициатива', 'инициативы', 'инициативе', 'инициативу', 'инициативой', 'инициативе'], 'бастама', 'initiative'),
  noun('n', ['соглашение', 'соглашения', 'соглашению', 'соглашение', 'соглашением', 'соглашении'], 'келісім', 'agreement'),
  noun('m', ['центр', 'центра', 'центру', 'центр', 'центром', 'центре'], 'орталық', 'centre'),
  noun('m', ['завод', 'завода', 'заводу', 'завод', 'заводом', 'заводе'], 'зауыт', 'plant'),
  noun('m', ['маршрут', 'маршрута', 'маршруту', 'маршрут', 'маршрутом', 'маршруте'], 'бағыт', 'route'),
  noun('m', ['комплекс', 'комплекса', 'комплексу', 'комплекс', 'комплексом', 'комплексе'], 'кешен', 'complex'),
  noun('m', ['кластер', 'кластера', 'кластеру', 'кластер', 'кластером', 'кластере'], 'кластер', 'cluster'),
  noun('m', ['меморандум', 'меморандума', 'меморандуму', 'меморандум', 'меморандумом', 'меморандуме'], 'меморандум', 'memorandum'),
  noun('f', ['стратегия', 'стратегии', 'стратегии', 'стратегию', 'стратегией', 'стратегии'], 'стратегия', 'strategy'),
  noun('f', ['концепция', 'концепции', 'концепции', 'концепцию', 'концепцией', 'концепции'], 'тұжырымдама', 'concept'),
  noun('f', ['платформа', 'платформы', 'платформе', 'платформу', 'платформой', 'платформе'], 'платформа', 'platform'),
  noun('n', ['предприятие', 'предприятия', 'предприятию', 'предприятие', 'предприятием', 'предприятии'], 'кәсіпорын', 'enterprise'),
  noun('n', ['производство', 'производства', 'производству', 'производство', 'производством', 'производстве'], 'өндіріс', 'production facility'),
  noun('n', ['партнерство', 'партнерства', 'партнерству', 'партнерство', 'партнерством', 'партнерстве'], 'әріптестік', 'partnership'),
  noun('m', ['объект', 'объекта', 'объекту', 'объект', 'объектом', 'объекте'], 'нысан', 'facility'),
  noun('m', ['мост', 'моста', 'мосту', 'мост', 'мостом', 'мосте'], 'көпір', 'bridge'),
  noun('f', ['больница', 'больницы', 'больнице', 'больницу', 'больницей', 'больнице'], 'аурухана', 'hospital'),
  noun('f', ['школа', 'школы', 'школе', 'школу', 'школой', 'школе'], 'мектеп', 'school'),
  noun('m', ['терминал', 'терминала', 'терминалу', 'терминал', 'терминалом', 'терминале'], 'терминал', 'terminal'),
  noun('m', ['фонд', 'фонда', 'фонду', 'фонд', 'фондом', 'фонде'], 'қор', 'fund'),
  noun('f', ['реформа', 'реформы', 'реформе', 'реформу', 'реформой', 'реформе'], 'реформа', 'reform'),
  noun('m', ['механизм', 'механизма', 'механизму', 'механизм', 'механизмом', 'механизме'], 'тетік', 'mechanism'),
  noun('f', ['система', 'системы', 'системе', 'систему', 'системой', 'системе'], 'жүйе', 'system'),
  noun('m', ['технопарк', 'технопарка', 'технопарку', 'технопарк', 'технопарком', 'технопарке'], 'технопарк', 'technology park'),
  noun('m', ['хаб', 'хаба', 'хабу', 'хаб', 'хабом', 'хабе'], 'хаб', 'hub'),
  noun('m', ['коридор', 'коридора', 'коридору', 'коридор', 'коридором', 'коридоре'], 'дәліз', 'corridor'),
  noun('m', ['план', 'плана', 'плану', 'план', 'планом', 'плане'], 'жоспар', 'plan'),
  noun('m', ['порт', 'порта', 'порту', 'порт', 'портом', 'порте'], 'порт', 'port'),
];

export const COMPLEMENTS = [
  ['по переработке зерна', 'астық өңдеу жөніндегі', 'for grain processing', ['economy', 'regions']],
  ['в сфере образования', 'білім беру саласындағы', 'in education', ['society']],
  ['для малого и среднего бизнеса', 'шағын және орта бизнеске арналған', 'for small and medium-sized businesses', ['economy']],
  ['по развитию туризма', 'туризмді дамыту жөніндегі', 'for tourism development', ['economy', 'regions']],
  ['по производству удобрений', 'тыңайтқыш өндіру жөніндегі', 'for fertiliser production', ['economy']],
  ['в области здравоохранения', 'денсаулық сақтау саласындағы', 'in healthcare', ['society']],
  ['по водосбережению', 'су үнемдеу жөніндегі', 'for water saving', ['regions']],
  ['по поддержке экспортеров', 'экспорттаушыларды қолдау жөніндегі', 'to support exporters', ['economy', 'international']],
  ['в сфере цифровых технологий', 'цифрлық технологиялар саласындағы', 'in digital technology', ['economy', 'society']],
  ['по подготовке кадров', 'кадр даярлау жөніндегі', 'for workforce training', ['society']],
  ['по газификации сел', 'ауылдарды газдандыру жөніндегі', 'for village gasification', ['regions']],
  ['по строительству доступного жилья', 'қолжетімді тұрғын үй салу жөніндегі', 'for affordable housing construction', ['society', 'regions']],
  ['в энергетическом секторе', 'энергетика секторындағы', 'in the energy sector', ['economy']],
  ['по транзитным перевозкам', 'транзиттік тасымалдар жөніндегі', 'for transit shipping', ['international', 'economy']],
  ['по защите окружающей среды', 'қоршаған ортаны қорғау жөніндегі', 'for environmental protection', ['society', 'regions']],
  ['в агропромышленном комплексе', 'агроөнеркәсіптік кешендегі', 'in the agro-industrial sector', ['economy', 'regions']],
  ['по противодействию коррупции', 'сыбайлас жемқорлыққа қарсы іс-қимыл жөніндегі', 'against corruption', ['politics']],
  ['по развитию Каспийского региона', 'Каспий өңірін дамыту жөніндегі', 'for the development of the Caspian region', ['regions', 'international']],
  ['между Казахстаном и Узбекистаном', 'Қазақстан мен Өзбекстан арасындағы', 'between Kazakhstan and Uzbekistan', ['international']],
  ['между Казахстаном и Китаем', 'Қазақстан мен Қытай арасындағы', 'between Kazakhstan and China', ['international']],
  ['с участием иностранных инвесторов', 'шетелдік инвесторлар қатысатын', 'with foreign investors', ['international', 'economy']],
  ['в Туркестанской области', 'Түркістан облысындағы', 'in Turkestan Region', ['regions']],
  ['в Мангистауской области', 'Маңғыстау облысындағы', 'in Mangystau Region', ['regions']],
  ['на севере страны', 'елдің солтүстігіндегі', 'in the north of the country', ['regions']],
  ['в приграничных районах', 'шекара маңындағы аудандардағы', 'in border districts', ['regions', 'international']],
  ['по реформе избирательной системы', 'сайлау жүйесін реформалау жөніндегі', 'on electoral reform', ['politics']],
  ['по развитию местного самоуправления', 'жергілікті өзін-өзі басқаруды дамыту жөніндегі', 'for local self-government', ['politics', 'regions']],
  ['по совершенствованию законодательства', 'заңнаманы жетілдіру жөніндегі', 'on improving legislation', ['politics']],
  ['в сфере государственного управления', 'мемлекеттік басқару саласындағы', 'in public administration', ['politics']],
  ['по защите прав граждан', 'азаматтардың құқықтарын қорғау жөніндегі', "to protect citizens' rights", ['politics', 'society']],
  ['по поддержке многодетных семей', 'көпбалалы отбасыларды қолдау жөніндегі', 'to support large families', ['society']],
].map(([ru, kk, en, topics]) => ({ ru, kk, en, topics }));

// ---------------------------------------------------------------------------------------------
// Verbs. Russian: a past stem (+а, +о, +и by gender), the case of its object, a preposition;
// Kazakh: the verb and the case of its object; English: the past form.

export const VERBS = [
  { ru: 'обсудил', case: 3, kk: 'талқылады', kcase: 'acc', en: 'discussed' },
  { ru: 'рассмотрел', case: 3, kk: 'қарады', kcase: 'acc', en: 'reviewed' },
  { ru: 'одобрил', case: 3, kk: 'мақұлдады', kcase: 'acc', en: 'approved' },
  { ru: 'представил', case: 3, kk: 'таныстырды', kcase: 'acc', en: 'presented' },
  { ru: 'поддержал', case: 3, kk: 'қолдады', kcase: 'acc', en: 'backed' },
  { ru: 'утвердил', case: 3, kk: 'бекітті', kcase: 'acc', en: 'endorsed' },
  { ru: 'запустил', case: 3, kk: 'іске қосты', kcase: 'acc', en: 'launched' },
  { ru: 'презентовал', case: 3, kk: 'ұсынды', kcase: 'acc', en: 'unveiled' },
  { ru: 'завершил', rest: ' работу над', case: 4, kk: 'әзірлеуді аяқтады', kcase: 'acc', en: 'completed work on' },
  { ru: 'объявил', about: true, case: 5, kk: 'туралы хабарлады', kcase: 'nom', en: 'announced' },
  { ru: 'приступил', rest: ' к реализации', case: 1, kk: 'іске асыруға кірісті', kcase: 'acc', en: 'began implementing' },
  { ru: 'уделил', rest: ' особое внимание', case: 2, kk: 'ерекше назар аударды', kcase: 'dat', en: 'paid particular attention to' },
];

/** Short passive participles for «X открыт в Шымкенте». */
export const PASSIVES = [
  { ru: 'открыт', kk: 'ашылды', en: 'opened' },
  { ru: 'запущен', kk: 'іске қосылды', en: 'launched' },
  { ru: 'одобрен', kk: 'мақұлданды', en: 'approved' },
  { ru: 'утвержден', kk: 'бекітілді', en: 'endorsed' },
  { ru: 'представлен', kk: 'таныстырылды', en: 'presented' },
  { ru: 'введен', rest: ' в эксплуатацию', kk: 'пайдалануға берілді', en: 'commissioned' },
];

/** «планирует завершить» — present-tense plans and the infinitive that follows. */
export const PLANS = [
  { ru: 'завершить', kk: 'аяқтауды', en: 'complete' },
  { ru: 'расширить', kk: 'кеңейтуді', en: 'expand' },
  { ru: 'модернизировать', kk: 'жаңғыртуды', en: 'modernise' },
  { ru: 'запустить', kk: 'іске қосуды', en: 'launch' },
  { ru: 'развить', kk: 'дамытуды', en: 'develop' },
];

// ---------------------------------------------------------------------------------------------
// Places, countries, people, figures.

// [Russian prepositional «в …», Russian genitive, Kazakh, English]
export const PLACES = [
  ['Астане', 'Астаны', 'Астана', 'Astana'],
  ['Алматы', 'Алматы', 'Алматы', 'Almaty'],
  ['Шымкенте', 'Шымкента', 'Шымкент', 'Shymkent'],
  ['Караганде', 'Караганды', 'Қарағанды', 'Karaganda'],
  ['Актобе', 'Актобе', 'Ақтөбе', 'Aktobe'],
  ['Павлодаре', 'Павлодара', 'Павлодар', 'Pavlodar'],
  ['Усть-Каменогорске', 'Усть-Каменогорска', 'Өскемен', 'Ust-Kamenogorsk'],
  ['Туркестане', 'Туркестана', 'Түркістан', 'Turkestan'],
  ['Костанае', 'Костаная', 'Қостанай', 'Kostanay'],
  ['Атырау', 'Атырау', 'Атырау', 'Atyrau'],
  ['Кызылорде', 'Кызылорды', 'Қызылорда', 'Kyzylorda'],
  ['Таразе', 'Тараза', 'Тараз', 'Taraz'],
  ['Уральске', 'Уральска', 'Орал', 'Uralsk'],
  ['Петропавловске', 'Петропавловска', 'Петропавл', 'Petropavl'],
  ['Семее', 'Семея', 'Семей', 'Semey'],
  ['Актау', 'Актау', 'Ақтау', 'Aktau'],
  ['Кокшетау', 'Кокшетау', 'Көкшетау', 'Kokshetau'],
  ['Талдыкоргане', 'Талдыкоргана', 'Талдықорған', 'Taldykorgan'],
  ['Жезказгане', 'Жезказгана', 'Жезқазған', 'Zhezkazgan'],
  ['Конаеве', 'Конаева', 'Қонаев', 'Konaev'],
].map(([prep, gen, kk, en]) => ({ prep, gen, kk, en }));

// [Russian genitive, Russian instrumental, Kazakh, English]
export const COUNTRIES = [
  ['Китая', 'Китаем', 'Қытай', 'China'],
  ['Узбекистана', 'Узбекистаном', 'Өзбекстан', 'Uzbekistan'],
  ['России', 'Россией', 'Ресей', 'Russia'],
  ['Турции', 'Турцией', 'Түркия', 'Turkey'],
  ['Кыргызстана', 'Кыргызстаном', 'Қырғызстан', 'Kyrgyzstan'],
  ['Германии', 'Германией', 'Германия', 'Germany'],
  ['Южной Кореи', 'Южной Кореей', 'Оңтүстік Корея', 'South Korea'],
  ['Азербайджана', 'Азербайджаном', 'Әзербайжан', 'Azerbaijan'],
  ['ОАЭ', 'ОАЭ', 'БАӘ', 'the UAE'],
  ['Индии', 'Индией', 'Үндістан', 'India'],
  ['Японии', 'Японией', 'Жапония', 'Japan'],
  ['Италии', 'Италией', 'Италия', 'Italy'],
  ['Франции', 'Францией', 'Франция', 'France'],
  ['Туркменистана', 'Туркменистаном', 'Түрікменстан', 'Turkmenistan'],
  ['Монголии', 'Монголией', 'Моңғолия', 'Mongolia'],
  ['Таджикистана', 'Таджикистаном', 'Тәжікстан', 'Tajikistan'],
].map(([gen, ins, kk, en]) => ({ gen, ins, kk, en }));

// [Russian nominative, Russian genitive, Kazakh, English]
export const ROLES = [
  ['министр энергетики', 'министра энергетики', 'Энергетика министрі', 'Energy Minister'],
  ['министр торговли и интеграции', 'министра торговли и интеграции', 'Сауда және интеграция министрі', 'Trade and Integration Minister'],
  ['вице-министр национальной экономики', 'вице-министра национальной экономики', 'Ұлттық экономика вице-министрі', 'Vice Minister of National Economy'],
  ['аким области', 'акима области', 'облыс әкімі', 'regional akim'],
  ['аким города', 'акима города', 'қала әкімі', 'city akim'],
  ['председатель правления фонда', 'председателя правления фонда', 'қор басқармасының төрағасы', 'fund board chairman'],
  ['депутат Мажилиса', 'депутата Мажилиса', 'Мәжіліс депутаты', 'Mazhilis deputy'],
  ['заместитель министра иностранных дел', 'заместителя министра иностранных дел', 'Сыртқы істер министрінің орынбасары', 'Deputy Foreign Minister'],
  ['руководитель управления предпринимательства', 'руководителя управления предпринимательства', 'кәсіпкерлік басқармасының басшысы', 'head of the entrepreneurship department'],
  ['директор департамента', 'директора департамента', 'департамент директоры', 'department director'],
  ['экономист', 'экономиста', 'экономист', 'economist'],
  ['председатель комитета', 'председателя комитета', 'комитет төрағасы', 'committee chairman'],
].map(([nom, gen, kk, en]) => ({ nom, gen, kk, en }));

// [Russian, Kazakh, English]
export const MALE_NAMES = [
  ['Ерлан', 'Ерлан', 'Yerlan'], ['Нурлан', 'Нұрлан', 'Nurlan'], ['Асхат', 'Асхат', 'Askhat'], ['Даурен', 'Дәурен', 'Dauren'],
  ['Серик', 'Серік', 'Serik'], ['Марат', 'Марат', 'Marat'], ['Бауыржан', 'Бауыржан', 'Bauyrzhan'], ['Ержан', 'Ержан', 'Yerzhan'],
  ['Тимур', 'Тимур', 'Timur'], ['Аскар', 'Асқар', 'Askar'], ['Канат', 'Қанат', 'Kanat'], ['Болат', 'Болат', 'Bolat'],
  ['Жандос', 'Жандос', 'Zhandos'], ['Айдос', 'Айдос', 'Aidos'], ['Руслан', 'Руслан', 'Ruslan'], ['Арман', 'Арман', 'Arman'],
];
export const FEMALE_NAMES = [
  ['Динара', 'Динара', 'Dinara'], ['Гульнара', 'Гүлнар', 'Gulnara'], ['Жанна', 'Жанна', 'Zhanna'], ['Мадина', 'Мадина', 'Madina'],
  ['Алия', 'Әлия', 'Aliya'], ['Айгерим', 'Айгерім', 'Aigerim'], ['Салтанат', 'Салтанат', 'Saltanat'], ['Лаура', 'Лаура', 'Laura'],
  ['Камила', 'Камила', 'Kamila'], ['Асем', 'Әсем', 'Assem'], ['Самал', 'Самал', 'Samal'], ['Дана', 'Дана', 'Dana'],
];
/** Male forms; the female form adds -а in every language (Ахметова, Akhmetova). */
export const SURNAMES = [
  ['Ахметов', 'Ахметов', 'Akhmetov'], ['Сулейменов', 'Сүлейменов', 'Suleimenov'], ['Жумабаев', 'Жұмабаев', 'Zhumabayev'],
  ['Касымов', 'Қасымов', 'Kassymov'], ['Нургалиев', 'Нұрғалиев', 'Nurgaliyev'], ['Омаров', 'Омаров', 'Omarov'],
  ['Искаков', 'Ысқақов', 'Iskakov'], ['Бекмухамбетов', 'Бекмұхамбетов', 'Bekmukhambetov'], ['Тулегенов', 'Төлегенов', 'Tulegenov'],
  ['Абенов', 'Әбенов', 'Abenov'], ['Сейтказин', 'Сейтқазин', 'Seitkazin'], ['Калиев', 'Қалиев', 'Kaliyev'],
  ['Мусин', 'Мусин', 'Mussin'], ['Ермеков', 'Ермеков', 'Yermekov'], ['Байжанов', 'Байжанов', 'Baizhanov'],
  ['Садыков', 'Садықов', 'Sadykov'], ['Есенов', 'Есенов', 'Yessenov'], ['Токсанбаев', 'Тоқсанбаев', 'Toksanbayev'],
  ['Утегенов', 'Өтегенов', 'Utegenov'], ['Шалабаев', 'Шалабаев', 'Shalabayev'],
];

/**
 * Figures a report quotes. `unit` decides the amount's size and words: money in tenge,
 * usd, tonnes, people, things counted in thousands, a share in per cent, a wage.
 */
export const METRICS = [
  { ru: 'товарооборот', g: 'm', kk: 'тауар айналымы', en: 'trade turnover', unit: 'usd' },
  { ru: 'объем инвестиций в основной капитал', g: 'm', kk: 'негізгі капиталға салынған инвестициялар көлемі', en: 'investment in fixed assets', unit: 'tenge' },
  { ru: 'объем промышленного производства', g: 'm', kk: 'өнеркәсіп өндірісінің көлемі', en: 'industrial output', unit: 'tenge' },
  { ru: 'экспорт несырьевых товаров', g: 'm', kk: 'шикізаттық емес тауарлар экспорты', en: 'non-commodity exports', unit: 'usd' },
  { ru: 'число иностранных туристов', g: 'n', kk: 'шетелдік туристер саны', en: 'the number of foreign tourists', unit: 'people' },
  { ru: 'количество малых предприятий', g: 'n', kk: 'шағын кәсіпорындар саны', en: 'the number of small businesses', unit: 'thousands' },
  { ru: 'доля обрабатывающей промышленности', g: 'f', kk: 'өңдеу өнеркәсібінің үлесі', en: 'the share of manufacturing', unit: 'share' },
  { ru: 'средняя заработная плата', g: 'f', kk: 'орташа жалақы', en: 'the average wage', unit: 'wage' },
  { ru: 'объем грузоперевозок', g: 'm', kk: 'жүк тасымалы көлемі', en: 'freight volume', unit: 'tonnes' },
  { ru: 'ввод жилья', g: 'm', kk: 'тұрғын үй пайдалануға беру көлемі', en: 'housing completions', unit: 'sqm' },
  { ru: 'валовой региональный продукт', g: 'm', kk: 'жалпы өңірлік өнім', en: 'gross regional product', unit: 'tenge' },
  { ru: 'урожай зерновых', g: 'm', kk: 'астық өнімі', en: 'the grain harvest', unit: 'tonnes' },
];

/** Where money comes from: Russian genitive after «из», Kazakh ablative, English. */
export const SOURCES = [
  ['республиканского бюджета', 'республикалық бюджеттен', 'the national budget'],
  ['местного бюджета', 'жергілікті бюджеттен', 'the local budget'],
  ['Национального фонда', 'Ұлттық қордан', 'the National Fund'],
  ['средств частных инвесторов', 'жеке инвесторлардың қаражатынан', 'private investors'],
  ['кредита Евразийского банка развития', 'Еуразиялық даму банкінің несиесінен', 'a Eurasian Development Bank loan'],
].map(([ru, kk, en]) => ({ ru, kk, en }));

/** When something happened: opening words of a sentence. */
export const OCCASIONS = [
  ['в ходе рабочей встречи', 'жұмыс кездесуі барысында', 'during a working meeting'],
  ['на расширенном заседании', 'кеңейтілген отырыста', 'at an expanded meeting'],
  ['по итогам переговоров', 'келіссөздер қорытындысы бойынша', 'following the talks'],
  ['в рамках официального визита', 'ресми сапар аясында', 'as part of an official visit'],
  ['на брифинге в Службе центральных коммуникаций', 'Орталық коммуникациялар қызметіндегі брифингте', 'at a briefing at the Central Communications Service'],
  ['на заседании Правительства', 'Үкімет отырысында', 'at a Government meeting'],
  ['в ходе выездного совещания', 'көшпелі кеңес барысында', 'during an on-site meeting'],
  ['на прошлой неделе', 'өткен аптада', 'last week'],
  ['в начале месяца', 'ай басында', 'earlier this month'],
  ['на международном форуме', 'халықаралық форумда', 'at an international forum'],
].map(([ru, kk, en]) => ({ ru, kk, en }));

// [Russian prepositional «в марте», Russian genitive «15 марта», Kazakh locative, English]
export const MONTHS = [
  ['январе', 'января', 'қаңтарда', 'January'], ['феврале', 'февраля', 'ақпанда', 'February'], ['марте', 'марта', 'наурызда', 'March'],
  ['апреле', 'апреля', 'сәуірде', 'April'], ['мае', 'мая', 'мамырда', 'May'], ['июне', 'июня', 'маусымда', 'June'],
  ['июле', 'июля', 'шілдеде', 'July'], ['августе', 'августа', 'тамызда', 'August'], ['сентябре', 'сентября', 'қыркүйекте', 'September'],
  ['октябре', 'октября', 'қазанда', 'October'], ['ноябре', 'ноября', 'қарашада', 'November'], ['декабре', 'декабря', 'желтоқсанда', 'December'],
].map(([ru, ruGen, kk, en]) => ({ ru, ruGen, kk, en }));

// ---------------------------------------------------------------------------------------------
// The long tail: villages, companies and surnames made of Kazakh roots and endings. Real news
// names thousands of these, and they are most of an archive's distinct words; without them
// the search index would be far smaller than a real one.

/** [Russian, Kazakh, English] */
const ROOTS = [
  ['Ак', 'Ақ', 'Ak'], ['Кара', 'Қара', 'Kara'], ['Сары', 'Сары', 'Sary'], ['Жана', 'Жаңа', 'Zhana'], ['Кок', 'Көк', 'Kok'],
  ['Ала', 'Ала', 'Ala'], ['Бай', 'Бай', 'Bai'], ['Есиль', 'Есіл', 'Yesil'], ['Каз', 'Қаз', 'Kaz'], ['Жар', 'Жар', 'Zhar'],
  ['Тас', 'Тас', 'Tas'], ['Алтын', 'Алтын', 'Altyn'], ['Кумис', 'Күміс', 'Kumis'], ['Темир', 'Темір', 'Temir'], ['Жамбыл', 'Жамбыл', 'Zhambyl'],
  ['Шалкар', 'Шалқар', 'Shalkar'], ['Талас', 'Талас', 'Talas'], ['Баян', 'Баян', 'Bayan'], ['Арал', 'Арал', 'Aral'], ['Улы', 'Ұлы', 'Uly'],
  ['Кызыл', 'Қызыл', 'Kyzyl'], ['Ертис', 'Ертіс', 'Yertis'], ['Жетысу', 'Жетісу', 'Zhetysu'], ['Алатау', 'Алатау', 'Alatau'], ['Каратау', 'Қаратау', 'Karatau'],
  ['Бурабай', 'Бурабай', 'Burabai'], ['Нура', 'Нұра', 'Nura'], ['Тобол', 'Тобыл', 'Tobol'], ['Иле', 'Іле', 'Ile'], ['Балкаш', 'Балқаш', 'Balkash'],
  ['Улытау', 'Ұлытау', 'Ulytau'], ['Кен', 'Кен', 'Ken'], ['Береке', 'Береке', 'Bereke'], ['Достык', 'Достық', 'Dostyk'], ['Бирлик', 'Бірлік', 'Birlik'],
  ['Самал', 'Самал', 'Samal'], ['Шугыла', 'Шұғыла', 'Shugyla'], ['Кайнар', 'Қайнар', 'Kainar'], ['Тулпар', 'Тұлпар', 'Tulpar'], ['Сункар', 'Сұңқар', 'Sunkar'],
  ['Нурлы', 'Нұрлы', 'Nurly'], ['Орда', 'Орда', 'Orda'], ['Атамура', 'Атамұра', 'Atamura'], ['Болашак', 'Болашақ', 'Bolashak'], ['Жасыл', 'Жасыл', 'Zhasyl'],
  ['Таза', 'Таза', 'Taza'], ['Кемел', 'Кемел', 'Kemel'], ['Шыгыс', 'Шығыс', 'Shygys'], ['Батыс', 'Батыс', 'Batys'], ['Тениз', 'Теңіз', 'Teniz'],
  ['Отырар', 'Отырар', 'Otyrar'], ['Сайрам', 'Сайрам', 'Sairam'], ['Ордабасы', 'Ордабасы', 'Ordabasy'], ['Байконыр', 'Байқоңыр', 'Baikonyr'], ['Мерей', 'Мерей', 'Merei'],
  ['Асыл', 'Асыл', 'Asyl'], ['Дала', 'Дала', 'Dala'], ['Жулдыз', 'Жұлдыз', 'Zhuldyz'], ['Кымыз', 'Қымыз', 'Kymyz'], ['Аксай', 'Ақсай', 'Aksai'],
  ['Бесагаш', 'Бесағаш', 'Besagash'], ['Жайык', 'Жайық', 'Zhaiyk'], ['Кендала', 'Кендала', 'Kendala'], ['Талгар', 'Талғар', 'Talgar'], ['Шарын', 'Шарын', 'Sharyn'],
  ['Эмба', 'Ембі', 'Emba'], ['Торгай', 'Торғай', 'Torgai'], ['Сарыарка', 'Сарыарқа', 'Saryarka'], ['Мугалжар', 'Мұғалжар', 'Mugalzhar'], ['Хантау', 'Хантау', 'Khantau'],
].map(([ru, kk, en]) => ({ ru, kk, en }));

/** Every root with every ending: «Ак» + «булак» → Акбулак, Ақбұлақ, Akbulak. */
function compounds(endings) {
  return ROOTS.flatMap((root) => endings.map(([ru, kk, en]) => ({ ru: root.ru + ru, kk: root.kk + kk, en: root.en + en })));
}

export const VILLAGES = compounds([
  ['тобе', 'төбе', 'tobe'], ['булак', 'бұлақ', 'bulak'], ['кудук', 'құдық', 'kuduk'], ['агаш', 'ағаш', 'agash'], ['коль', 'көл', 'kol'],
  ['су', 'су', 'su'], ['жар', 'жар', 'zhar'], ['сай', 'сай', 'sai'], ['тал', 'тал', 'tal'], ['кум', 'құм', 'kum'],
]);

export const COMPANIES = compounds([
  ['мунай', 'мұнай', 'munai'], ['строй', 'құрылыс', 'stroi'], ['агро', 'агро', 'agro'], ['транс', 'транс', 'trans'], ['энерго', 'энерго', 'energo'],
  ['пром', 'пром', 'prom'], ['инвест', 'инвест', 'invest'], ['сервис', 'сервис', 'service'], ['тех', 'тех', 'tech'], ['фарм', 'фарм', 'pharm'],
  ['цемент', 'цемент', 'cement'], ['металл', 'металл', 'metal'],
]);

/** Male forms; female ones add -а (-a). */
export const SYNTHETIC_SURNAMES = compounds([
  ['баев', 'баев', 'bayev'], ['беков', 'беков', 'bekov'], ['жанов', 'жанов', 'zhanov'], ['галиев', 'ғалиев', 'galiyev'],
  ['булатов', 'болатов', 'bulatov'], ['ханов', 'ханов', 'khanov'], ['кулов', 'құлов', 'kulov'], ['муратов', 'мұратов', 'muratov'],
]).map((s) => ({ ...s, en: s.en.charAt(0) + s.en.slice(1).toLowerCase() }));

/** Subheadings that fit any report. */
export const HEADINGS = [
  ['Итоги переговоров', 'Келіссөздер қорытындысы', 'Outcome of the talks'],
  ['Что изменится для жителей', 'Тұрғындар үшін не өзгереді', 'What changes for residents'],
  ['Цифры и факты', 'Сандар мен деректер', 'Facts and figures'],
  ['Планы на ближайшие годы', 'Алдағы жылдарға арналған жоспарлар', 'Plans for the coming years'],
  ['Мнение экспертов', 'Сарапшылар пікірі', 'What experts say'],
  ['Региональное измерение', 'Өңірлік қыры', 'The regional dimension'],
  ['Финансирование', 'Қаржыландыру', 'Funding'],
  ['Что дальше', 'Әрі қарай не болады', 'What comes next'],
  ['Контекст', 'Контекст', 'Background'],
  ['Международное сотрудничество', 'Халықаралық ынтымақтастық', 'International cooperation'],
  ['Социальная сторона вопроса', 'Мәселенің әлеуметтік қыры', 'The social side'],
  ['Инвестиции и рабочие места', 'Инвестициялар және жұмыс орындары', 'Investment and jobs'],
  ['Почему это важно', 'Бұл неге маңызды', 'Why it matters'],
  ['Сроки реализации', 'Іске асыру мерзімдері', 'Timeline'],
].map(([ru, kk, en]) => ({ ru, kk, en }));

/** Roles of the generated authors, appended to authors.yml. */
export const AUTHOR_ROLES = [
  ['Корреспондент', 'Тілші', 'Correspondent'],
  ['Обозреватель', 'Шолушы', 'Columnist'],
  ['Редактор отдела экономики', 'Экономика бөлімінің редакторы', 'Economy Editor'],
  ['Редактор отдела политики', 'Саясат бөлімінің редакторы', 'Politics Editor'],
  ['Специальный корреспондент', 'Арнайы тілші', 'Special Correspondent'],
  ['Собственный корреспондент в Алматы', 'Алматыдағы меншікті тілші', 'Almaty Correspondent'],
  ['Фотокорреспондент', 'Фототілші', 'Photojournalist'],
  ['Выпускающий редактор', 'Шығарушы редактор', 'Managing Editor'],
  ['Аналитик', 'Сарапшы', 'Analyst'],
  ['Международный обозреватель', 'Халықаралық шолушы', 'International Affairs Columnist'],
  ['Корреспондент в Шымкенте', 'Шымкенттегі тілші', 'Shymkent Correspondent'],
  ['Редактор регионального отдела', 'Өңірлер бөлімінің редакторы', 'Regional Desk Editor'],
].map(([ru, kk, en]) => ({ ru, kk, en }));

/** Entries that suit a topic, most of the time: the text of an economy story sounds like economy. */
export function forTopic(list, topic) {
  const fitting = list.filter((entry) => entry.topics?.includes(topic));
  return fitting.length ? fitting : list;
}

export { TOPICS };
