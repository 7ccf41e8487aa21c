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
