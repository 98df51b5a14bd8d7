// The whole build on generated archives: the bundle validates against the one schema, paging visits
// every post once, output is deterministic, a rebuild after changes equals a clean build and
// rewrites only what changed, bad files are reported, and nothing is written outside --out.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import * as v from 'valibot'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { generateArchive } from '../../scripts/gen-archive.ts'
import {
  BUNDLE_VERSION,
  BundleContentItemSchema,
  BundlePageSchema,
  CategoriesPageSchema,
  CategoryEntrySchema,
  PAGE_BYTES_LIMIT,
  PAGE_SIZE,
  ReportFileSchema,
  TagEntrySchema,
  TagsPageSchema,
  type BundlePage,
} from '../shared/feed-bundle.ts'
import { fileKey, fillTemplate } from '../shared/bundle-paths.ts'
import {
  SEARCH_INDEX_FILE,
  SearchIdsSchema,
  SearchIndexSchema,
  type SearchIndex,
} from '../shared/search.ts'
import { build } from './build.ts'
import { directory, snapshot } from '../../test/support/bundle-files.ts'

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'builder-test-'))
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }))
const dir = (name: string) => path.join(tmp, name)
const quiet = { validate: true }

const readJson = (file: string): unknown => JSON.parse(fs.readFileSync(file, 'utf8'))

/** Follows next_url from a feed's head page; returns the item ids in order. */
function walkFeed(root: string, head: string): string[] {
  const ids: string[] = []
  const seen = new Set<string>()
  let file: string | undefined = path.join(root, head)
  while (file) {
    expect(seen.has(file)).toBe(false)
    seen.add(file)
    expect(fs.statSync(file).size).toBeLessThan(PAGE_BYTES_LIMIT)
    const page: BundlePage = v.parse(BundlePageSchema, readJson(file))
    expect(page.items.length).toBeLessThanOrEqual(PAGE_SIZE)
    for (const item of page.items) {
      ids.push(item.id)
      // Content URLs are relative to the page that holds them.
      const content = path.resolve(path.dirname(file), item._reader.content_url)
      expect(fs.existsSync(content), content).toBe(true)
    }
    file = page.next_url ? path.resolve(path.dirname(file), page.next_url) : undefined
  }
  return ids
}

describe('build on a generated archive', () => {
  const site = dir('site')
  const out = dir('out')
  beforeAll(() => {
    generateArchive({ count: 180, dir: site, seed: 7 })
    // The bad files the issue names: binary, invalid UTF-8, a 10 MB post, an unreadable entry.
    const posts = path.join(site, '_posts')
    fs.writeFileSync(
      path.join(posts, '2022-01-01-binary.md'),
      Buffer.from([0x2d, 0x2d, 0, 0xff, 1]),
    )
    fs.writeFileSync(
      path.join(posts, '2022-01-02-latin1.md'),
      Buffer.from('---\ntitle: caf\xe9\n---\n', 'latin1'),
    )
    fs.writeFileSync(
      path.join(posts, '2022-01-03-huge.md'),
      `---\ntitle: big\n---\n${'长'.repeat(3_500_000)}`,
    )
    fs.symlinkSync(path.join(tmp, 'missing'), path.join(posts, '2022-01-04-dangling.md'))
    fs.writeFileSync(path.join(posts, 'notes.txt'), 'not a post')
    build({ input: site, out, ...quiet })
  })

  it('writes a bundle that validates against the shared schema', () => {
    const files = snapshot(out)
    for (const [file, text] of files) {
      if (file.endsWith('.bin')) continue
      const json: unknown = JSON.parse(Buffer.from(text, 'latin1').toString('utf8'))
      const schema =
        file === SEARCH_INDEX_FILE
          ? SearchIndexSchema
          : file.startsWith('search/')
            ? SearchIdsSchema
            : /^categories(-\d+)?\.json$/.test(file)
              ? CategoriesPageSchema
              : /^tags(-\d+)?\.json$/.test(file)
                ? TagsPageSchema
                : file === 'report.json'
                  ? ReportFileSchema
                  : file.startsWith('content/')
                    ? BundleContentItemSchema
                    : BundlePageSchema
      const r = v.safeParse(schema, json)
      expect(r.success, `${file}: ${JSON.stringify(r.issues?.[0]?.message)}`).toBe(true)
    }
  })

  it('visits every imported post exactly once, newest first, from feed.json', () => {
    const report = v.parse(ReportFileSchema, readJson(path.join(out, 'report.json')))
    const imported = report.files.filter((f) => f.status === 'imported').map((f) => f.id)
    const ids = walkFeed(out, 'feed.json')
    expect(ids.length).toBe(imported.length)
    expect(new Set(ids)).toEqual(new Set(imported))
    const dates = ids.map((id) =>
      Date.parse(
        (readJson(path.join(out, `content/${fileKey(id)}.json`)) as { date_published: string })
          .date_published,
      ),
    )
    for (let i = 1; i < dates.length; i++) expect(dates[i]!).toBeLessThanOrEqual(dates[i - 1]!)
    const head = readJson(path.join(out, 'feed.json')) as BundlePage
    expect(head._reader).toMatchObject({
      version: BUNDLE_VERSION,
      total_items: imported.length,
      categories_url: 'categories.json',
      tags_url: 'tags.json',
    })
  })

  it('pages every category and tag feed and counts them right', () => {
    const categories = directory(out, 'categories.json').map((e) => v.parse(CategoryEntrySchema, e))
    expect(categories.length).toBeGreaterThan(3)
    let total = 0
    for (const c of categories) {
      expect(c.feed_url).toBe(fillTemplate('category/{key}/feed.json', fileKey(c.slug)))
      const ids = walkFeed(out, c.feed_url)
      expect(ids.length).toBe(c.count)
      total += c.count
      // Generated posts carry their category's Chinese name as first tag: that is the name shown.
      expect(c.name).toMatch(/[\u4e00-\u9fff]/)
    }
    expect(total).toBe((readJson(path.join(out, 'feed.json')) as BundlePage)._reader?.total_items)
    const tags = directory(out, 'tags.json').map((e) => v.parse(TagEntrySchema, e))
    for (const t of tags.slice(0, 5)) expect(walkFeed(out, t.feed_url).length).toBe(t.count)
  })

  it('reports every input file, in input order, with reasons for the bad ones', () => {
    const report = v.parse(ReportFileSchema, readJson(path.join(out, 'report.json')))
    const names = report.files.map((f) => f.file)
    expect(names).toEqual([...names].sort())
    expect(names.every((n) => n.startsWith('_posts/'))).toBe(true)
    expect(report.files.length).toBe(fs.readdirSync(path.join(site, '_posts')).length)
    const reason = (name: string) => report.files.find((f) => f.file === `_posts/${name}`)?.reason
    expect(reason('2022-01-01-binary.md')).toMatch(/binary/)
    expect(reason('2022-01-02-latin1.md')).toMatch(/UTF-8/)
    expect(reason('2022-01-03-huge.md')).toMatch(/too large/)
    expect(reason('2022-01-04-dangling.md')).toMatch(/symbolic link/)
    expect(reason('notes.txt')).toMatch(/not a post/)
    expect(report.summary.skipped).toBe(5)
    expect(report.summary.imported).toBe(180)
    // The generator's quirks (no offset, empty title) come out as warnings, not losses.
    expect(report.files.some((f) => f.warnings?.some((w) => w.startsWith('empty title')))).toBe(
      true,
    )
  })

  it('is deterministic: a second clean build is byte-identical', () => {
    const again = dir('out-again')
    build({ input: site, out: again })
    expect(snapshot(again)).toEqual(snapshot(out))
  })
})

describe('incremental builds', () => {
  it('equal a clean build after adding, changing and deleting posts, rewriting only what changed', () => {
    const site = dir('inc-site')
    const out = dir('inc-out')
    generateArchive({ count: 130, dir: site, seed: 3 })
    const first = build({ input: site, out })
    expect(first.summary.written).toBeGreaterThan(130)

    const same = build({ input: site, out })
    expect(same.summary.written).toBe(0)
    expect(same.summary.deleted).toBe(0)

    const posts = path.join(site, '_posts')
    const names = fs.readdirSync(posts).sort()
    const oldestPage = path.join(out, 'page-000000.json')
    const before = fs.statSync(oldestPage).mtimeMs
    // Add two new posts, change the newest one, delete one in the middle, touch one unchanged.
    const extra = dir('extra')
    generateArchive({ count: 2, dir: extra, seed: 99, start: '2030-01-01' })
    for (const f of fs.readdirSync(path.join(extra, '_posts')))
      fs.copyFileSync(path.join(extra, '_posts', f), path.join(posts, f))
    const newest = path.join(posts, names.at(-1)!)
    fs.writeFileSync(
      newest,
      fs.readFileSync(newest, 'utf8').replace(/title: ".*"/, 'title: "改过的标题"'),
    )
    fs.rmSync(path.join(posts, names[60]!))
    const touched = path.join(posts, names[10]!)
    fs.utimesSync(touched, new Date(), new Date(Date.now() + 5000))

    const inc = build({ input: site, out })
    const clean = dir('inc-clean')
    build({ input: site, out: clean })
    expect(snapshot(out)).toEqual(snapshot(clean))
    expect(inc.summary.deleted).toBeGreaterThan(0)
    // Two new content files, one changed, the newest pages and lists: far fewer than a full build
    // (the search documents after the deleted post move up one place, and the segment's postings).
    expect(inc.summary.written).toBeLessThan(first.summary.written / 2)
    // page-000000 holds the oldest posts: untouched since no old post changed… except the
    // deleted one shifts pages, so check a page only when nothing older changed.
    expect(fs.statSync(oldestPage).mtimeMs === before || names.indexOf(names[60]!) < 50).toBe(true)
  })

  it('keeps full pages untouched when posts are only added', () => {
    const site = dir('add-site')
    const out = dir('add-out')
    generateArchive({ count: 120, dir: site, seed: 5 })
    build({ input: site, out })
    const page0 = path.join(out, 'page-000000.json')
    const text = fs.readFileSync(page0, 'utf8')
    const mtime = fs.statSync(page0).mtimeMs
    const extra = dir('add-extra')
    generateArchive({ count: 3, dir: extra, seed: 11, start: '2031-01-01' })
    for (const f of fs.readdirSync(path.join(extra, '_posts')))
      fs.copyFileSync(path.join(extra, '_posts', f), path.join(site, '_posts', f))
    const r = build({ input: site, out })
    expect(fs.readFileSync(page0, 'utf8')).toBe(text)
    expect(fs.statSync(page0).mtimeMs).toBe(mtime)
    // The pages and content files, and the search index's newest segment: its postings shards,
    // the three new articles' documents and the head.
    const shards = (readJson(path.join(out, SEARCH_INDEX_FILE)) as SearchIndex).segments[0]!.shards
    expect(r.summary.written).toBeLessThan(40 + shards)
  })

  it('keeps its state where --state says, and a damaged state only costs a full rebuild', () => {
    const site = dir('state-site')
    const out = dir('state-out')
    const stateFile = path.join(dir('state-cache'), 'nested', 'state.ndjson')
    generateArchive({ count: 40, dir: site, seed: 8 })
    build({ input: site, out, stateFile })
    // Nothing of the builder's own in the folder that gets deployed.
    expect(fs.readdirSync(out).filter((f) => f.startsWith('.'))).toEqual([])
    expect(build({ input: site, out, stateFile }).summary.written).toBe(0)
    const bytes = snapshot(out)
    fs.writeFileSync(stateFile, '{"version":3,"settings":')
    const again = build({ input: site, out, stateFile })
    expect(snapshot(out)).toEqual(bytes)
    // Without the state every file is compared with what is on disk: still nothing rewritten.
    expect(again.summary.written).toBe(0)
    expect(build({ input: site, out, stateFile }).summary.written).toBe(0)
  })
})

describe('safety', () => {
  it('never writes through a symlink planted in --out', () => {
    const site = dir('safe-site')
    const out = dir('safe-out')
    const outside = dir('outside')
    fs.mkdirSync(outside)
    generateArchive({ count: 5, dir: site, seed: 1 })
    fs.mkdirSync(out)
    fs.symlinkSync(path.join(outside, 'victim.json'), path.join(out, 'tags.json'))
    fs.symlinkSync(outside, path.join(out, 'category'))
    expect(() => build({ input: site, out })).toThrow(/outside --out/)
    // Not even a folder was created through the link.
    expect(fs.readdirSync(outside)).toEqual([])
    fs.unlinkSync(path.join(out, 'category'))
    build({ input: site, out })
    expect(fs.readdirSync(outside)).toEqual([])
    expect(fs.lstatSync(path.join(out, 'tags.json')).isSymbolicLink()).toBe(false)
  })

  it('refuses an output folder inside the posts folder', () => {
    const site = dir('nest-site')
    generateArchive({ count: 2, dir: site, seed: 1 })
    expect(() => build({ input: site, out: path.join(site, '_posts', 'out') })).toThrow(
      /inside the posts/,
    )
  })
})
