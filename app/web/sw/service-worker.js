// Wex's service worker: after one visit the app and every placement on the site work
// with the network unplugged. `wex finish-site` (the build's last step) writes the
// built copy, sw.js, filling in the version (a hash of every file it lists) and the file list,
// so each build gets its own cache and the old one is removed when it takes over.
//
// - The app shell (html, js, wasm, css, icons) is cached when the worker installs.
// - Placements listed in bundles/index.json are cached too; the index itself is
//   fetched network-first, so placements a site owner adds appear when online.
// - Navigations to any address of the app are answered with the cached index.html.
// - A new build waits until the learner chooses "Reload" in the app's banner: it
//   never swaps the app under a learner in the middle of a module.

const VERSION = '__WEX_VERSION__';
const SHELL = __WEX_SHELL__;
const CACHE = `wex-${VERSION}`;
const INDEX = 'bundles/index.json';

const scoped = (path) => new URL(path, self.registration.scope).href;

async function cacheBundles(cache) {
  try {
    const response = await fetch(scoped(INDEX), { cache: 'no-cache' });
    if (!response.ok) return;
    const index = await response.clone().json();
    await cache.put(scoped(INDEX), response);
    const files = (index.bundles || []).map((entry) => scoped(`bundles/${entry.file}`));
    await Promise.all(files.map((file) => cache.add(file).catch(() => undefined)));
  } catch {
    // Offline while installing: the shell is cached; placements are cached when opened.
  }
}

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      await cache.addAll(SHELL.map(scoped));
      await cacheBundles(cache);
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys()) {
        if (key.startsWith('wex-') && key !== CACHE) await caches.delete(key);
      }
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('message', (event) => {
  if (event.data === 'skip-waiting') self.skipWaiting();
});

async function networkFirst(request) {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(request, { cache: 'no-cache' });
    if (response.ok) await cache.put(request, response.clone());
    return response;
  } catch {
    const cached = await cache.match(request);
    return cached || Response.error();
  }
}

async function cacheFirst(request) {
  const cache = await caches.open(CACHE);
  const cached = await cache.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) await cache.put(request, response.clone());
  return response;
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || !url.href.startsWith(self.registration.scope)) return;
  if (request.mode === 'navigate') {
    event.respondWith(
      (async () => (await caches.match(scoped('index.html'), { cacheName: CACHE })) || fetch(request))(),
    );
  } else if (url.href === scoped(INDEX)) {
    event.respondWith(networkFirst(request));
  } else {
    event.respondWith(cacheFirst(request));
  }
});
