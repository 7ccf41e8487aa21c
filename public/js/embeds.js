// DKNews.kz: embeds and our videos load when the reader asks. Each facade (views/partials/embed.ejs) is a plain
// link to the provider; with this script it becomes a button that puts the provider's player or
// post in its place. Nothing is requested from the provider before that click. Posts tell their
// height by postMessage; the frame follows it.
'use strict';

const POST_HEIGHT = 600;

for (const link of document.querySelectorAll('a[data-embed]')) {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = link.className;
  for (const name of ['aria-label', 'data-embed', 'data-embed-title', 'data-embed-kind']) button.setAttribute(name, link.getAttribute(name) || '');
  button.append(...link.childNodes);
  link.replaceWith(button);
  button.addEventListener('click', () => load(button));
}

function load(button) {
  const frame = document.createElement('iframe');
  frame.src = button.getAttribute('data-embed');
  frame.title = button.getAttribute('data-embed-title') || '';
  frame.className = 'embed__frame';
  frame.allow = 'autoplay; encrypted-media; picture-in-picture; fullscreen; clipboard-write';
  frame.allowFullscreen = true;
  frame.referrerPolicy = 'strict-origin-when-cross-origin';
  if (button.getAttribute('data-embed-kind') === 'post') frame.height = String(POST_HEIGHT);
  button.closest('.embed').classList.add('is-playing');
  button.replaceWith(frame);
  frame.focus();
}

// Our own videos: the facade (views/partials/video.ejs) becomes a button that shows the
// <video> in its place and plays it. Until then the browser builds no player controls.
for (const link of document.querySelectorAll('a[data-video]')) {
  const figure = link.closest('.video');
  const video = figure && figure.querySelector('video');
  if (!video) continue;
  const button = document.createElement('button');
  button.type = 'button';
  button.className = link.className;
  button.setAttribute('aria-label', link.getAttribute('aria-label') || '');
  button.append(...link.childNodes);
  link.replaceWith(button);
  button.addEventListener('click', () => {
    figure.classList.add('is-playing');
    video.focus();
    const playing = video.play();
    // A browser that will not play unasked (or cannot play the file) leaves its controls to the reader.
    if (playing) playing.catch(() => {});
  });
}

// Telegram, X and Instagram say how tall their post is; the frame takes that height.
window.addEventListener('message', (event) => {
  const height = heightOf(event.data);
  if (!height) return;
  for (const frame of document.querySelectorAll('iframe.embed__frame')) {
    if (frame.contentWindow === event.source && new URL(frame.src).origin === event.origin) frame.height = String(Math.ceil(height));
  }
});

function heightOf(data) {
  try {
    const message = typeof data === 'string' ? JSON.parse(data) : data;
    if (!message || typeof message !== 'object') return 0;
    if (message.event === 'resize' && message.height) return Number(message.height); // Telegram
    if (message.type === 'MEASURE' && message.details) return Number(message.details.height); // Instagram
    const x = message['twttr.embed'];
    if (x && x.method === 'twttr.private.resize' && x.params && x.params[0]) return Number(x.params[0].height); // X
  } catch {
    // Not a message of theirs.
  }
  return 0;
}
