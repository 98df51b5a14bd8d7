// Names of the offline caches in Cache Storage: the service worker's runtime caching
// (vite.config.ts) and the page (src/lib/offline-cache.ts) must agree on them.
export const OFFLINE_CACHES = {
  /** feed.json, list pages, directories: network first, the last copy offline. */
  feed: 'news-reader-feed',
  /** Content files of opened articles: network first, trimmed to the article limit. */
  articles: 'news-reader-articles',
  /** Content files of favourites, stored by the page when favourited: never trimmed. */
  favourites: 'news-reader-favourites',
} as const

/** List and directory pages kept offline (a full page of 50 items is < 100 KB). */
export const MAX_CACHED_PAGES = 200
