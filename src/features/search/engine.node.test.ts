// The index written by the builder, read by the app's search, against a brute-force substring scan
// of every article's title and body text (from the content files): the same articles, newest first,
// for one- to many-character terms, Latin and digits, quotes, exclusions and filters, over several
// segments; and incremental builds that equal clean ones.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import * as v from 'valibot'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { generateArchive } from '../../../scripts/gen-archive.ts'
import { build } from '../../builder/build.ts'
import { BundleContentItemSchema } from '../../shared/feed-bundle.ts'
import {
  SEARCH_INDEX_FILE,
  SearchIndexError,
  parseQuery,
  searchBodyText,
  searchableText,
  type SearchDoc,
} from '../../shared/search.ts'
import { IndexSearch, parseIndex, type IndexSource } from './engine.ts'
import { MemorySearch, NO_FILTERS, docMatches, type Search, type SearchFilters } from './query.ts'

let tmp: string
let feed: string
let all: SearchDoc[]

/** Every article from its content file, newest first (ties: id descending), as brute force sees it. */
function contentDocs(out: string): SearchDoc[] {
  const docs = fs.readdirSync(path.join(out, 'content')).map((f) => {
    const item = v.parse(
      BundleContentItemSchema,
      JSON.parse(fs.readFileSync(path.join(out, 'content', f), 'utf8')),
    )
    return {
      id: item.id,
      title: item.title,
      date_published: item.date_published,
      category: item._reader.category,
      tags: item.tags,
      text: searchBodyText(item.content_html),
    }
  })
  return docs.sort(
    (a, b) => Date.parse(b.date_published) - Date.parse(a.date_published) || (a.id < b.id ? 1 : -1),
  )
}

function fsSource(out: string, counter = { bytes: 0 }): IndexSource {
  const read = (file: string) => {
    const b = fs.readFileSync(path.join(out, 'search', file))
    counter.bytes += b.length
    return b
  }
  return {
    bytes: (file) => Promise.resolve(new Uint8Array(read(file))),
    json: (file) => Promise.resolve(JSON.parse(read(file).toString('utf8')) as unknown),
  }
}

async function drain(s: Search): Promise<{ ids: string[]; found: number; screens: number }> {
  const ids: string[] = []
  for (let screens = 1; ; screens++) {
    const screen = await s.next()
    ids.push(...screen.hits.map((h) => h.id))
    if (screen.done) {
      expect(screen.counted).toBe(true)
      return { ids, found: screen.found, screens }
    }
  }
}

function openIndex(out: string) {
  return parseIndex(JSON.parse(fs.readFileSync(path.join(out, SEARCH_INDEX_FILE), 'utf8')))
}

const QUERIES = [
  '市',
  '的',
  '%',
  '市场',
  '东营',
  '分析师',
  '新能源汽车',
  '数字化转型升级',
  '风电光伏',
  '6',
  '12.5',
  'etf',
  'ＥＴＦ',
  '市场 利率',
  '"增长 企业"',
  '市场 -利率',
  '企业 -数字化',
  '银行 -"风险 监管"',
  '储能 光伏 芯片',
  '返回',
]

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'search-index-'))
  const site = path.join(tmp, 'site')
  generateArchive({ count: 300, dir: site, seed: 7 })
  feed = path.join(tmp, 'feed')
  build({ input: site, out: feed, searchSegmentSize: 64 })
  all = contentDocs(feed)
}, 60_000)
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }))

describe('the search index against a brute-force scan', () => {
  it('finds exactly what the scan finds, newest first, for every query', async () => {
    const index = openIndex(feed)
    expect(index.segments.length).toBe(5)
    const category = all[3]!.category
    const tag = all[5]!.tags[0]!
    const days = [...new Set(all.map((d) => d.date_published.slice(0, 10)))].sort()
    const filters: SearchFilters[] = [
      NO_FILTERS,
      { ...NO_FILTERS, category },
      { ...NO_FILTERS, tag },
      { ...NO_FILTERS, from: days[1]!, to: days[1]! },
      { category, tag: null, from: days[0]!, to: null },
    ]
    for (const text of QUERIES) {
      const parsed = parseQuery(text)
      if (!parsed.ok) throw new Error(text)
      for (const f of filters) {
        const want = all.filter((d) => docMatches(d, parsed.query, f)).map((d) => d.id)
        const got = await drain(new IndexSearch(fsSource(feed), index, parsed.query, f))
        expect(got.ids, `${text} ${JSON.stringify(f)}`).toEqual(want)
        expect(got.found).toBe(want.length)
        const mem = await drain(new MemorySearch(all, parsed.query, f))
        expect(mem.ids).toEqual(want)
      }
    }
  })

  it('shows 20 results and the count on the first screen for common short terms', async () => {
    const index = openIndex(feed)
    const q = parseQuery('市场')
    if (!q.ok) throw new Error()
    const s = new IndexSearch(fsSource(feed), index, q.query)
    const first = await s.next()
    expect(first.hits.length).toBe(20)
    expect(first.counted).toBe(true)
    expect(first.found).toBe(
      all.filter((d) => searchableText(d.title, d.text).includes('市场')).length,
    )
  })

  it('stops a screen at its byte budget and carries on with the next', async () => {
    const index = openIndex(feed)
    // A term with a few matches spread over the segments: a screen has to walk several of them.
    const rare = ['12.5', '33.3', '5.5', '9.9', '1.1', '2.2', '分析师认为', '企业家表示'].find(
      (t) => {
        const n = all.filter((d) => searchableText(d.title, d.text).includes(t)).length
        return n >= 3 && n <= 40
      },
    )
    const q = parseQuery(rare ?? '')
    if (!q.ok) throw new Error('no rare term in the generated archive')
    const counter = { bytes: 0 }
    const s = new IndexSearch(
      fsSource(feed, counter),
      index,
      q.query,
      NO_FILTERS,
      1_000,
      () => counter.bytes,
    )
    const first = await s.next()
    expect(first.done).toBe(false)
    expect(first.hits.length).toBeLessThan(20)
    const rest = await drain(s)
    const want = all.filter((d) => docMatches(d, q.query, NO_FILTERS)).map((d) => d.id)
    expect([...first.hits.map((h) => h.id), ...rest.ids]).toEqual(want)
  })

  it('reports a corrupt shard as a SearchIndexError', async () => {
    const index = openIndex(feed)
    const q = parseQuery('市场')
    if (!q.ok) throw new Error()
    const broken: IndexSource = {
      bytes: () => Promise.resolve(new TextEncoder().encode('<!doctype html>')),
      json: () => Promise.resolve({}),
    }
    await expect(new IndexSearch(broken, index, q.query).next()).rejects.toBeInstanceOf(
      SearchIndexError,
    )
  })
})

describe('incremental builds of the index', () => {
  it('rewrite only the newest segment when posts are added, and equal a clean build', async () => {
    const site = path.join(tmp, 'inc-site')
    const out = path.join(tmp, 'inc-out')
    generateArchive({ count: 200, dir: site, seed: 3 })
    build({ input: site, out, searchSegmentSize: 64 })
    const before = new Map(
      fs.readdirSync(path.join(out, 'search', 's0')).map((f) => {
        const p = path.join(out, 'search', 's0', f)
        return [p, fs.statSync(p).mtimeMs]
      }),
    )
    const extra = path.join(tmp, 'inc-extra')
    generateArchive({ count: 5, dir: extra, seed: 9, start: '2030-01-01' })
    for (const f of fs.readdirSync(path.join(extra, '_posts')))
      fs.copyFileSync(path.join(extra, '_posts', f), path.join(site, '_posts', f))
    build({ input: site, out, searchSegmentSize: 64 })
    // The oldest segment is untouched.
    for (const [p, mtime] of before) expect(fs.statSync(p).mtimeMs).toBe(mtime)
    const clean = path.join(tmp, 'inc-clean')
    build({ input: site, out: clean, searchSegmentSize: 64 })
    const files = (root: string) =>
      fs
        .readdirSync(path.join(root, 'search'), { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile())
        .map((e) => path.relative(root, path.join(e.parentPath, e.name)))
        .sort()
    expect(files(out)).toEqual(files(clean))
    for (const f of files(clean))
      expect(fs.readFileSync(path.join(out, f)).equals(fs.readFileSync(path.join(clean, f)))).toBe(
        true,
      )
    const q = parseQuery('市场 -利率')
    if (!q.ok) throw new Error()
    const docs = contentDocs(out)
    const got = await drain(new IndexSearch(fsSource(out), openIndex(out), q.query))
    expect(got.ids).toEqual(docs.filter((d) => docMatches(d, q.query, NO_FILTERS)).map((d) => d.id))
  })
})
