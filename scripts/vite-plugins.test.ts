// The feed head's preload follows VITE_FEED_URL: never a request for a file the app will not read.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { feedPreloadHtml } from './vite-plugins.ts'

const html = readFileSync(new URL('../index.html', import.meta.url), 'utf8')
const preloads = (s: string) => [...s.matchAll(/<link\s+rel="preload"[^>]*>/g)].map((m) => m[0])

describe('the feed head preload', () => {
  it('preloads the default feed when no other is configured', () => {
    expect(preloads(feedPreloadHtml(html, undefined))).toEqual([
      expect.stringContaining('href="%BASE_URL%feed/feed.json"'),
    ])
  })

  it('preloads the configured feed instead, when the page may fetch it', () => {
    const out = feedPreloadHtml(html, '/data/news.json?v=1&x="2"')
    expect(preloads(out)).toEqual([
      expect.stringContaining('href="/data/news.json?v=1&amp;x=&quot;2&quot;"'),
    ])
    expect(out).not.toContain('feed/feed.json')
  })

  it('preloads nothing for a feed on another site', () => {
    for (const url of ['https://other.example/feed.json', '//cdn.example/feed.json']) {
      expect(preloads(feedPreloadHtml(html, url))).toEqual([])
    }
  })
})
