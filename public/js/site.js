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
const views = document.querySelector('[data-views-api]');
if (views && window.fetch) {
  fetch(views.getAttribute('data-views-api'), { method: 'POST', credentials: 'omit', keepalive: true })
    .then((response) => (response.ok ? response.json() : null))
    .then((body) => {
      if (!body || typeof body.views !== 'number') return;
      const lang = document.documentElement.lang || 'ru';
      const forms = JSON.parse(views.getAttribute('data-views-forms') || '{}');
      const form = forms[pluralOf(lang, body.views)] || forms.other || '#';
      views.textContent = form.replace('#', grouped(lang, body.views));
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
