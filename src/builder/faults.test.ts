// The faults a hostile operator found (issue 11): each case failed before its fix. Files outside
// the archive, --out in odd places, a disk that fills up, a post with 10,000 tags, a renamed post
// without a date, two builds at once, errors as one line, and years 0–99.
import { spawn, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest'
import { generateArchive } from '../../scripts/gen-archive.ts'
import { PAGE_BYTES_LIMIT, type BundlePage, type ReportFile } from '../shared/feed-bundle.ts'
import { build } from './build.ts'
import { snapshot } from '../../test/support/bundle-files.ts'
import { lockOutput } from './lock.ts'
import { MAX_TAGS } from './post.ts'

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'builder-faults-'))
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }))
afterEach(() => vi.restoreAllMocks())
let sites = 0
/** A generated site of `count` posts in a new folder. */
function site(count: number, seed = 1): string {
  const dir = path.join(tmp, `site-${++sites}`)
  generateArchive({ count, dir, seed })
  return dir
}
const readJson = <T>(file: string) => JSON.parse(fs.readFileSync(file, 'utf8')) as T
const post = (fm: string, body = '<p>正文</p>') => `---\n${fm}\n---\n${body}\n`
const every = (root: string) => [...snapshot(root).values()].join('\n')

describe('files outside the archive', () => {
  it('follows no symlink: /etc/passwd and /proc/self/status are reported, not published', () => {
    const s = site(3)
    fs.symlinkSync('/etc/passwd', path.join(s, '_posts', '2022-06-01-x.md'))
    fs.symlinkSync('/proc/self/status', path.join(s, '_posts', '2022-06-02-y.md'))
    const out = path.join(tmp, 'out-symlink')
    build({ input: s, out })
    expect(every(out)).not.toMatch(/root:x?:0:0|VmRSS/)
    const report = readJson<ReportFile>(path.join(out, 'report.json'))
    for (const f of ['_posts/2022-06-01-x.md', '_posts/2022-06-02-y.md'])
      expect(report.files.find((e) => e.file === f)?.reason).toBe('symbolic link: not followed')
  })
})

describe('--out in odd places', () => {
  it('at the site root deletes only files the builder wrote', () => {
    const s = site(60)
    fs.mkdirSync(path.join(s, 'tag', 'mine'), { recursive: true })
    fs.writeFileSync(path.join(s, 'tag', 'mine', 'feed.json'), '{"mine":1}')
    fs.writeFileSync(path.join(s, 'tag', 'notes.html'), 'x')
    const pages = fs.readdirSync(path.join(s, 'category'))
    build({ input: s, out: s })
    // Every post removed: everything the builder wrote becomes stale.
    for (const f of fs.readdirSync(path.join(s, '_posts'))) fs.rmSync(path.join(s, '_posts', f))
    build({ input: s, out: s })
    expect(fs.readdirSync(path.join(s, 'category')).filter((f) => f.endsWith('.html'))).toEqual(
      pages,
    )
    expect(fs.readFileSync(path.join(s, 'tag', 'mine', 'feed.json'), 'utf8')).toBe('{"mine":1}')
    expect(fs.existsSync(path.join(s, 'tag', 'notes.html'))).toBe(true)
    expect(fs.readdirSync(path.join(s, 'content'))).toEqual([])
  })

  it('refuses an --out that is a symlink into a posts folder', () => {
    const s = site(2)
    const link = path.join(tmp, 'out-link')
    fs.symlinkSync(path.join(s, '_posts'), link)
    expect(() => build({ input: s, out: link })).toThrow(/inside the posts folder/)
    expect(() => build({ input: s, out: path.join(link, 'deeper') })).toThrow(/inside the posts/)
    expect(fs.readdirSync(path.join(s, '_posts')).every((f) => f.endsWith('.md'))).toBe(true)
  })
})

describe('a disk that fills up during a rebuild', () => {
  it('leaves every file of the last bundle whole and consistent, and says so in one line', () => {
    const s = site(120)
    const out = path.join(tmp, 'out-full')
    build({ input: s, out })
    const before = snapshot(out)
    const extra = path.join(tmp, 'extra-full')
    generateArchive({ count: 30, dir: extra, seed: 4, start: '2030-01-01' })
    for (const f of fs.readdirSync(path.join(extra, '_posts')))
      fs.copyFileSync(path.join(extra, '_posts', f), path.join(s, '_posts', f))
    // The disk fills while a category page is written: 12,288 bytes get there, then ENOSPC.
    const write = fs.writeFileSync.bind(fs)
    let pages = 0
    vi.spyOn(fs, 'writeFileSync').mockImplementation((file, data, options) => {
      const text = Buffer.isBuffer(data) || typeof data === 'string' ? data.toString() : ''
      if (text.includes('"items":[') && text.includes('../../content/') && ++pages === 3) {
        write(file, text.slice(0, 12_288), options)
        throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' })
      }
      write(file, data, options)
    })
    let message = ''
    try {
      build({ input: s, out })
    } catch (e) {
      message = (e as Error).message
    }
    vi.restoreAllMocks()
    expect(message).toMatch(/^cannot write .*(category|tag)\/[^/]+\/[a-z0-9-]+\.json: disk full$/)
    expect(message).not.toContain('.build-tmp')
    // Nothing half-written, and feed.json still claims the old total: the last bundle is intact.
    const after = snapshot(out)
    for (const [file, text] of after)
      if (file.endsWith('.json')) expect(() => JSON.parse(text) as unknown).not.toThrow()
    expect(after.get('feed.json')).toBe(before.get('feed.json'))
    // The next build, with space again, equals a clean one.
    build({ input: s, out })
    const clean = path.join(tmp, 'out-full-clean')
    build({ input: s, out: clean })
    expect(snapshot(out)).toEqual(snapshot(clean))
  })
})

describe('a post with 10,000 tags', () => {
  it('keeps the first tags, reports the rest, and every page stays under the limit', () => {
    const s = site(5)
    const tags = Array.from({ length: 10_000 }, (_, i) => `标签${i}`)
    fs.writeFileSync(
      path.join(s, '_posts', '2022-06-01-tags.md'),
      post(`title: 多标签\ncategories: c\ntags: [${tags.join(', ')}]`),
    )
    const out = path.join(tmp, 'out-tags')
    const started = performance.now()
    build({ input: s, out })
    expect(performance.now() - started).toBeLessThan(10_000)
    const item = readJson<{ tags: string[] }>(path.join(out, 'content', 'tags.json'))
    expect(item.tags).toEqual(tags.slice(0, MAX_TAGS))
    const report = readJson<ReportFile>(path.join(out, 'report.json'))
    const entry = report.files.find((e) => e.id === 'tags')
    expect(entry?.warnings?.join(' ')).toMatch(/10000 tags: the first 20 kept, 9980 dropped/)
    for (const [file, text] of snapshot(out))
      expect(Buffer.byteLength(text, 'latin1'), file).toBeLessThan(PAGE_BYTES_LIMIT)
  })
})

describe('a renamed post without a date', () => {
  it('takes its new date from its new name into every list after an incremental build', () => {
    const s = site(70)
    const from = path.join(s, '_posts', '2021-12-02-nodate.md')
    fs.writeFileSync(from, post('title: 无日期\ncategories: c\ntags: 标签'))
    const out = path.join(tmp, 'out-rename')
    build({ input: s, out })
    fs.renameSync(from, path.join(s, '_posts', '2021-12-05-nodate.md'))
    build({ input: s, out })
    const clean = path.join(tmp, 'out-rename-clean')
    build({ input: s, out: clean })
    expect(snapshot(out)).toEqual(snapshot(clean))
    const tag = readJson<BundlePage>(path.join(out, 'category', 'c', 'feed.json'))
    expect(tag.items[0]?.date_published).toMatch(/^2021-12-05T/)
  })
})

describe('two builds into the same --out', () => {
  it('refuses the second with a clear message while the first holds the lock', () => {
    const s = site(3)
    const out = path.join(tmp, 'out-lock')
    fs.mkdirSync(out)
    const lock = lockOutput(out)
    expect(() => build({ input: s, out })).toThrow(/another build is writing to .* \(process \d+/)
    lock.release()
    expect(build({ input: s, out }).summary.imported).toBe(3)
  })

  it('takes over the lock of a killed build', () => {
    const s = site(3)
    const out = path.join(tmp, 'out-stale')
    fs.mkdirSync(out)
    const gone = spawnSync(process.execPath, ['-e', 'process.pid']).pid
    const holder = { pid: gone, host: os.hostname(), started: '2026-01-01T00:00:00Z' }
    fs.writeFileSync(path.join(out, '.build.lock'), JSON.stringify(holder))
    expect(build({ input: s, out }).summary.imported).toBe(3)
    expect(fs.existsSync(path.join(out, '.build.lock'))).toBe(false)
  })

  it('never has two CLI builds fail with a stack trace', async () => {
    const s = site(300)
    const out = path.join(tmp, 'out-race')
    const run = () =>
      new Promise<{ code: number | null; stderr: string }>((resolve) => {
        const p = spawn(process.execPath, ['scripts/feed.mjs', 'build', s, '--out', out, '-q'])
        let stderr = ''
        p.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
        p.on('close', (code) => resolve({ code, stderr }))
      })
    const results = await Promise.all([run(), run()])
    for (const r of results) {
      expect(r.stderr).not.toMatch(/\n\s+at /)
      if (r.code !== 0) expect(r.stderr).toMatch(/^feed: another build .*\n$/)
    }
    expect(results.some((r) => r.code === 0)).toBe(true)
  }, 30_000)
})

describe('errors', () => {
  const cli = (...args: string[]) =>
    spawnSync(process.execPath, ['scripts/feed.mjs', 'build', ...args], { encoding: 'utf8' })

  it('are one line naming the cause and the path, exit 2', () => {
    const s = site(2)
    const r = cli(s, '--out', '/dev/null/out')
    expect(r.status).toBe(2)
    expect(r.stderr).toBe('feed: cannot create /dev/null/out: not a folder\n')
    const out = path.join(tmp, 'out-planted')
    fs.mkdirSync(out)
    fs.symlinkSync(tmp, path.join(out, 'category'))
    const planted = cli(s, '--out', out)
    expect(planted.status).toBe(2)
    expect(planted.stderr).toMatch(/^feed: refusing to write outside --out through .*category/)
    expect(planted.stderr.trim().split('\n')).toHaveLength(1)
  })

  it('name the file, not a temporary one, when permission is denied', () => {
    const s = site(2)
    const out = path.join(tmp, 'out-eacces')
    const write = fs.writeFileSync.bind(fs)
    vi.spyOn(fs, 'writeFileSync').mockImplementation((file, data, options) => {
      if (String(file).includes('/content/'))
        throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' })
      write(file, data, options)
    })
    expect(() => build({ input: s, out })).toThrow(
      /^cannot write .*out-eacces\/content\/\d+\.json: permission denied$/,
    )
  })

  it('leave nothing behind from the launcher, which writes no file', () => {
    const cache = path.join('node_modules', '.cache')
    const list = () => (fs.existsSync(cache) ? fs.readdirSync(cache, { recursive: true }) : [])
    const before = list()
    expect(cli(site(1), '--out', path.join(tmp, 'out-launcher'), '-q').status).toBe(0)
    expect(list()).toEqual(before)
  })
})

describe('years 0–99', () => {
  it('stay in the first century', () => {
    const s = site(1)
    fs.writeFileSync(
      path.join(s, '_posts', '2022-06-01-old.md'),
      post('title: 古\ndate: 0022-06-01 10:00:00 +0800\ncategories: c'),
    )
    const out = path.join(tmp, 'out-years')
    build({ input: s, out })
    const item = readJson<{ date_published: string }>(path.join(out, 'content', 'old.json'))
    expect(item.date_published).toBe('0022-06-01T10:00:00+08:00')
  })
})
