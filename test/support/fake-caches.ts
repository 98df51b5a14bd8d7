// An in-memory Cache Storage for jsdom tests (jsdom has none): entries keep the order they were
// stored in, and `put` moves a URL to the end, as the Cache Storage spec says.
type Entry = { url: string; res: Response }

const urlOf = (r: RequestInfo | URL) =>
  typeof r === 'string' ? r : r instanceof URL ? r.href : r.url

class FakeCache {
  entries: Entry[] = []
  match(r: RequestInfo | URL) {
    const url = urlOf(r)
    return Promise.resolve(this.entries.find((e) => e.url === url)?.res.clone())
  }
  put(r: RequestInfo | URL, res: Response) {
    const url = urlOf(r)
    this.entries = this.entries.filter((e) => e.url !== url)
    this.entries.push({ url, res })
    return Promise.resolve()
  }
  delete(r: RequestInfo | URL) {
    const url = urlOf(r)
    const before = this.entries.length
    this.entries = this.entries.filter((e) => e.url !== url)
    return Promise.resolve(this.entries.length < before)
  }
  keys() {
    return Promise.resolve(this.entries.map((e) => new Request(e.url)))
  }
}

export class FakeCacheStorage {
  caches = new Map<string, FakeCache>()
  has(name: string) {
    return Promise.resolve(this.caches.has(name))
  }
  open(name: string) {
    let c = this.caches.get(name)
    if (!c) this.caches.set(name, (c = new FakeCache()))
    return Promise.resolve(c)
  }
  delete(name: string) {
    return Promise.resolve(this.caches.delete(name))
  }
  keys() {
    return Promise.resolve([...this.caches.keys()])
  }
  /** URLs a cache holds, in order. */
  urls(name: string): string[] {
    return this.caches.get(name)?.entries.map((e) => e.url) ?? []
  }
  /** Stores a JSON body under each URL. */
  async fill(name: string, urls: string[], body: unknown = { ok: true }) {
    const cache = await this.open(name)
    for (const url of urls)
      await cache.put(
        url,
        new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } }),
      )
  }
}

/** Installs a fresh fake as `globalThis.caches`; returns it and a function that removes it. */
export function installFakeCaches(): { fake: FakeCacheStorage; restore: () => void } {
  const fake = new FakeCacheStorage()
  const g = globalThis as { caches?: unknown }
  const before = g.caches
  g.caches = fake
  return {
    fake,
    restore: () => {
      if (before === undefined) delete g.caches
      else g.caches = before
    },
  }
}
