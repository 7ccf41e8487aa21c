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
      const form = forms[new Intl.PluralRules(lang).select(body.views)] || forms.other || '#';
      // Russian and Kazakh write 2156 but 21 560; English groups every thousand.
      const number = new Intl.NumberFormat(lang, { useGrouping: lang === 'en' ? 'always' : 'min2' }).format(body.views);
      views.textContent = form.replace('#', number);
    })
    .catch(() => {});
}
