// DKNews.kz: small enhancements. Everything works without this file.
'use strict';

// "Copy link": copy the article's address instead of following the link, and say so.
document.addEventListener('click', (event) => {
  const link = event.target instanceof Element ? event.target.closest('a[data-copy]') : null;
  if (!link || !navigator.clipboard) return;
  event.preventDefault();
  navigator.clipboard.writeText(link.href).then(() => {
    const status = document.querySelector('[data-copy-status]');
    if (status) status.textContent = link.getAttribute('data-copied') || '';
    link.classList.add('is-copied');
  }, () => {
    window.location.href = link.href;
  });
});

// The view count: the page shows the last known figure; posting one view returns the new one.
// Posted once the page has loaded and the browser is idle: a count is no part of the first
// screen, and its request, answer and redraw would compete with the page's own loading.
const views = document.querySelector('[data-views-api]');
if (views && window.fetch) {
  const later = (work) => (window.requestIdleCallback ? requestIdleCallback(work, { timeout: 2000 }) : setTimeout(work, 200));
  if (document.readyState === 'complete') later(countView);
  else window.addEventListener('load', () => later(countView), { once: true });
}

function countView() {
  fetch(views.getAttribute('data-views-api'), { method: 'POST', credentials: 'omit', keepalive: true })
    .then((response) => (response.ok ? response.json() : null))
    .then((body) => {
      if (!body || typeof body.views !== 'number' || body.views === 0) return;
      const lang = document.documentElement.lang || 'ru';
      const forms = JSON.parse(views.getAttribute('data-views-forms') || '{}');
      const form = forms[pluralOf(lang, body.views)] || forms.other || '#';
      views.textContent = form.replace('#', grouped(lang, body.views));
      views.hidden = false;
      views.removeAttribute('data-reserved');
    })
    .catch(() => {});
}

// The plural category and the figure as Intl writes them for ru, kk and en, without Intl: its
// first use in a page loads the locale data, a long task on a slow phone (Lighthouse counts it).
function pluralOf(lang, n) {
  if (lang !== 'ru') return n === 1 ? 'one' : 'other';
  const last = n % 10;
  const lastTwo = n % 100;
  if (last === 1 && lastTwo !== 11) return 'one';
  if (last >= 2 && last <= 4 && (lastTwo < 12 || lastTwo > 14)) return 'few';
  return 'many';
}

// Russian and Kazakh write 2156 but 21 560 (a no-break space); English groups every thousand.
function grouped(lang, n) {
  const digits = String(n);
  if (lang !== 'en' && digits.length < 5) return digits;
  return digits.replace(/\B(?=(\d{3})+$)/g, lang === 'en' ? ',' : '\u00a0');
}

// Live coverage: while the page is open and in sight, look for new updates every 30 s. The page
// itself is asked again (a conditional request: 304 while nothing changed, served from the
// server's or nginx's cache); updates it has that this copy lacks are offered with a button,
// «N новых обновлений», which puts them in at the top. Without this script the page is whole,
// and a reload shows the same.
const live = document.querySelector('[data-live-new]');
if (live && window.fetch && window.DOMParser) {
  const status = live.querySelector('[data-live-status]');
  const forms = JSON.parse(live.getAttribute('data-live-new') || '{}');
  const lang = document.documentElement.lang || 'ru';
  let waiting = [];
  let seenTag = '';
  const known = () => new Set([...live.querySelectorAll('section.live-update[id]')].map((s) => s.id));
  const offer = () => {
    status.textContent = '';
    if (!waiting.length) return;
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = (forms[pluralOf(lang, waiting.length)] || forms.other || '#').replace('#', grouped(lang, waiting.length));
    button.addEventListener('click', () => {
      const first = live.querySelector('section.live-update');
      for (const section of waiting) live.insertBefore(document.importNode(section, true), first);
      const top = live.querySelector('section.live-update h2');
      waiting = [];
      offer();
      if (top) {
        top.setAttribute('tabindex', '-1');
        top.focus();
      }
    });
    status.append(button);
  };
  const look = () => {
    if (document.visibilityState !== 'visible') return;
    fetch(location.pathname, { cache: 'no-cache', credentials: 'omit' })
      .then((response) => {
        const tag = response.headers.get('ETag') || '';
        if (!response.ok || (tag && tag === seenTag)) return null;
        seenTag = tag;
        return response.text();
      })
      .then((html) => {
        if (!html) return;
        const fresh = new DOMParser().parseFromString(html, 'text/html');
        const have = known();
        const added = [...fresh.querySelectorAll('[data-live-new] section.live-update[id]')].filter((s) => !have.has(s.id));
        if (added.length !== waiting.length) {
          waiting = added;
          offer();
        }
        // Coverage ended meanwhile: nothing more will come.
        if (!fresh.querySelector('[data-live-new]')) clearInterval(timer);
      })
      .catch(() => {});
  };
  const timer = setInterval(look, 30000);
}
