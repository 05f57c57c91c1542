{% autoescape off %}/* Offline reading for Bình dân học vụ số: see cms/offline.py for the design. */
"use strict";
const VERSION = "{{ version }}";
const PAGES = "hocvuso-pages";
const SHELL = "hocvuso-shell-" + VERSION;
const OFFLINE_URL = "{{ offline_url }}";
const SHELL_URLS = {{ shell_urls }};
const PRIVATE = {{ private_prefixes }};
const recent = new Map();

function isPrivate(path) {
  return PRIVATE.some((prefix) => path.startsWith(prefix));
}

function pageKey(href) {
  const url = new URL(href, self.location.href);
  url.search = "";
  url.hash = "";
  return url.href;
}

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches.open(SHELL)
      .then((cache) => cache.addAll([OFFLINE_URL, ...SHELL_URLS].map(
        (url) => new Request(url, { credentials: "omit" }))))
      .then(() => self.skipWaiting())
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys
        .filter((key) => key.startsWith("hocvuso-shell-") && key !== SHELL)
        .map((key) => caches.delete(key))))
      .then(() => self.clients.claim())
  );
});

async function offlinePage() {
  return (await caches.match(OFFLINE_URL, { ignoreVary: true })) ||
    new Response("Không có kết nối mạng. / No connection.", {
      status: 503, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}

async function page(request) {
  const key = pageKey(request.url);
  try {
    const response = await fetch(request);
    if (response.ok && !response.redirected) {
      recent.set(key, response.clone());
      while (recent.size > 3) recent.delete(recent.keys().next().value);
      const cache = await caches.open(PAGES);
      if (await cache.match(key, { ignoreVary: true })) {
        await cache.put(key, response.clone());
      }
    }
    return response;
  } catch (error) {
    const cache = await caches.open(PAGES);
    return (await cache.match(key, { ignoreVary: true })) || offlinePage();
  }
}

async function keep(href) {
  const key = pageKey(href);
  const url = new URL(key);
  if (url.origin !== self.location.origin || isPrivate(url.pathname)) return;
  let response = recent.get(key);
  recent.delete(key);
  if (!response) {
    try {
      response = await fetch(key, { credentials: "same-origin" });
    } catch (error) {
      return;
    }
  }
  if (response.ok && !response.redirected) {
    await (await caches.open(PAGES)).put(key, response);
  }
}

async function asset(request) {
  const cache = await caches.open(SHELL);
  const kept = await cache.match(request, { ignoreVary: true });
  const fresh = fetch(request).then((response) => {
    if (response.status === 200) cache.put(request, response.clone());
    return response;
  });
  if (kept) {
    fresh.catch(() => null);
    return kept;
  }
  return fresh;
}

self.addEventListener("message", (event) => {
  const data = event.data || {};
  if (data.type === "keep" && typeof data.url === "string") {
    event.waitUntil(keep(data.url));
  }
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || isPrivate(url.pathname)) return;
  if (request.mode === "navigate") {
    if (request.method === "GET") {
      event.respondWith(page(request));
    } else {
      // A form sent with no connection: say clearly that it was not recorded.
      event.respondWith(fetch(request).catch(offlinePage));
    }
  } else if (request.method === "GET" &&
             (url.pathname.startsWith("/static/") || url.pathname.startsWith("/media/images/"))) {
    event.respondWith(asset(request));
  }
});
{% endautoescape %}
