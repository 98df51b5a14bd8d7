// The build's second threads: the writer thread (./write-queue.ts) and the search index thread
// (./search-index/thread.ts) give the same bundle, the same counts and the same failures as the
// build thread alone.
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { generateArchive } from '../../scripts/gen-archive.ts'
import { snapshot } from '../../test/support/bundle-files.ts'
import { build } from './build.ts'
import { BuildError } from './errors.ts'
import { BundleWriter } from './output.ts'

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'builder-threads-'))
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }))
let dirs = 0
const fresh = (name: string) => path.join(tmp, `${name}-${++dirs}`)

function site(count: number, seed = 1): string {
  const dir = fresh('site')
  generateArchive({ count, dir, seed })
  return dir
}

/** A writer whose every write goes through the writer thread. */
function threadedWriter(): { writer: BundleWriter; out: string } {
  const out = fresh('out')
  fs.mkdirSync(out)
  return { writer: new BundleWriter(out, path.join(out, '.journal'), { queueAfter: 0 }), out }
}

describe('the writer thread', () => {
  it('writes every file, in full, and counts them', () => {
    const { writer, out } = threadedWriter()
    const files = Array.from({ length: 300 }, (_, k) => [
      `d${k % 7}/f${k}.txt`,
      `文件 ${k}\n`.repeat(k),
    ])
    for (const [p, text] of files) writer.write(p!, text!, undefined)
    writer.flush()
    for (const [p, text] of files) expect(fs.readFileSync(path.join(out, p!), 'utf8')).toBe(text)
    expect(writer.written).toBe(300)
    expect(writer.changed.size).toBe(300)
    writer.finish()
  })

  it('recounts a file that already held the bytes as unchanged, and replaces one that did not', () => {
    const { writer, out } = threadedWriter()
    fs.writeFileSync(path.join(out, 'same.json'), '{"a":1}')
    fs.writeFileSync(path.join(out, 'other.json'), '{"a":0}')
    writer.write('same.json', '{"a":1}', undefined)
    writer.write('other.json', '{"a":2}', undefined)
    writer.flush()
    expect([writer.written, writer.unchanged]).toEqual([1, 1])
    expect([...writer.changed]).toEqual(['other.json'])
    expect(fs.readFileSync(path.join(out, 'other.json'), 'utf8')).toBe('{"a":2}')
    writer.finish()
  })

  it("takes a second writer's files too: each lands in its folder and is counted by its writer", () => {
    const { writer: host, out } = threadedWriter()
    const guestOut = fresh('guest')
    fs.mkdirSync(guestOut)
    const guest = new BundleWriter(guestOut, path.join(guestOut, '.journal'), { shareWith: host })
    const read = (dir: string, p: string) => fs.readFileSync(path.join(dir, p), 'utf8')
    for (const dir of [out, guestOut]) fs.writeFileSync(path.join(dir, 'same.txt'), 'same')
    fs.writeFileSync(path.join(guestOut, 'kept.txt'), 'kept')

    host.write('a.txt', 'A', undefined)
    guest.write('same.txt', 'same', undefined)
    guest.write('g.txt', 'G', undefined)
    host.write('same.txt', 'same', undefined)
    host.flush()
    expect([host.written, host.unchanged]).toEqual([1, 1])
    guest.flush()
    expect([guest.written, guest.unchanged]).toEqual([1, 1])

    // The host stops its thread (the build does, before the static pages) with a guest's write
    // still to be counted; the guest's next write starts the thread again.
    guest.write('kept.txt', 'kept', undefined)
    host.idle()
    guest.write('h.txt', 'H', undefined)
    guest.flush()
    expect([guest.written, guest.unchanged]).toEqual([2, 2])
    expect([read(out, 'a.txt'), read(guestOut, 'g.txt'), read(guestOut, 'h.txt')]).toEqual([
      'A',
      'G',
      'H',
    ])
    expect(fs.existsSync(path.join(out, 'g.txt'))).toBe(false)
    expect([...guest.changed].sort()).toEqual(['g.txt', 'h.txt'])
    guest.finish()
    host.finish()
  })

  it('reports a failed write in one line naming the file, and writes nothing queued after it', () => {
    const { writer, out } = threadedWriter()
    // A folder where a file should go: it can be neither created nor renamed over.
    fs.mkdirSync(path.join(out, 'blocked.json'))
    writer.write('first.json', '1', undefined)
    writer.write('blocked.json', '2', undefined)
    for (let k = 0; k < 50; k++) writer.write(`after-${k}.json`, '3', undefined)
    let error: unknown
    try {
      writer.flush()
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(BuildError)
    expect((error as Error).message).toBe(
      `cannot write ${path.join(out, 'blocked.json')}: is a folder`,
    )
    expect(fs.existsSync(path.join(out, 'first.json'))).toBe(true)
    expect(fs.readdirSync(out).filter((f) => f.startsWith('after-'))).toEqual([])
    writer.finish()
  })
})

describe('the writer thread, on the way out of a failing build', () => {
  it('stops without throwing a failed write (flush reports it), and leaves no temporary folder', () => {
    const { writer, out } = threadedWriter()
    fs.mkdirSync(path.join(out, 'blocked.json'))
    writer.write('blocked.json', '2', undefined)
    // More than a batch: the thread gets them, fails, and says so before the build stops it.
    for (let k = 0; k < 70; k++) writer.write(`after-${k}.json`, '3', undefined)
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 300)
    expect(() => writer.finish()).not.toThrow()
    expect(fs.readdirSync(out).sort()).toEqual(['blocked.json'])
  })
})

describe('the search index thread', () => {
  const options = { searchSegmentSize: 16, validate: true }

  it('writes the same bundle as the build thread, clean and incremental', () => {
    const s = site(90)
    const inline = fresh('inline')
    const threaded = fresh('threaded')
    const a = build({ input: s, out: inline, ...options, searchThread: false, searchHelper: false })
    const b = build({ input: s, out: threaded, ...options, searchThread: true })
    expect(snapshot(threaded)).toEqual(snapshot(inline))
    expect(b.summary).toMatchObject({ written: a.summary.written, unchanged: 0 })

    // Ten more posts: the newest segments grow, the others are kept.
    generateArchive({ count: 10, dir: s, seed: 9, start: '2036-01-01' })
    const c = build({ input: s, out: inline, ...options, searchThread: false })
    const d = build({ input: s, out: threaded, ...options, searchThread: true })
    expect(snapshot(threaded)).toEqual(snapshot(inline))
    expect(d.summary).toMatchObject({ written: c.summary.written, unchanged: c.summary.unchanged })
    const clean = fresh('clean')
    build({ input: s, out: clean, ...options, searchThread: false })
    expect(snapshot(threaded)).toEqual(snapshot(clean))
  })

  it('shares the segments to write with a helper thread, and writes the same bundle', () => {
    const s = site(90)
    const alone = fresh('alone')
    const helped = fresh('helped')
    const opts = { ...options, searchThread: false }
    const a = build({ input: s, out: alone, ...opts, searchHelper: false })
    const b = build({ input: s, out: helped, ...opts, searchHelper: true })
    expect(snapshot(helped)).toEqual(snapshot(alone))
    expect(b.summary).toMatchObject({ written: a.summary.written, unchanged: 0 })

    // Posts over many segments: the changed ones are shared again, the others kept.
    generateArchive({ count: 70, dir: s, seed: 11, start: '2001-01-01' })
    const c = build({ input: s, out: alone, ...opts, searchHelper: false })
    const d = build({ input: s, out: helped, ...opts, searchHelper: true })
    expect(snapshot(helped)).toEqual(snapshot(alone))
    expect(d.summary).toMatchObject({ written: c.summary.written, unchanged: c.summary.unchanged })
  })

  it('runs under the launcher (npm run feed), bundled with the builder', () => {
    const s = site(40)
    const inline = fresh('inline')
    const threaded = fresh('threaded')
    build({ input: s, out: inline, searchThread: false })
    const r = spawnSync('node', ['scripts/feed.mjs', 'build', s, '--out', threaded, '--quiet'], {
      encoding: 'utf8',
      env: { ...process.env, FEED_SEARCH_THREAD: '1' },
    })
    expect(r.stderr).toBe('')
    expect(r.status).toBe(0)
    expect(snapshot(threaded)).toEqual(snapshot(inline))
  })
})

describe('the thread that lists and lstats the posts while the state loads', () => {
  it('gives the same incremental builds as the build thread alone', () => {
    const dir = fresh('site')
    generateArchive({ count: 120, dir, seed: 5, oldShare: 0.3, both: 4 })
    const alone = fresh('alone')
    const ahead = fresh('ahead')
    const opts = { input: dir, searchSegmentSize: 16 }
    build({ ...opts, out: alone, listAhead: false })
    build({ ...opts, out: ahead, listAhead: true })
    const posts = path.join(dir, '_posts')
    const names = fs.readdirSync(posts).sort()
    // Edited, removed, moved to old_post/, new, a link and a folder where posts were.
    fs.appendFileSync(path.join(posts, names[3]!), '\nMore text.\n')
    fs.rmSync(path.join(posts, names[5]!))
    fs.renameSync(path.join(posts, names[7]!), path.join(dir, 'old_post', names[7]!))
    generateArchive({ count: 6, dir, seed: 8, start: '2036-01-01' })
    fs.symlinkSync('/etc/passwd', path.join(posts, '2036-02-01-link.md'))
    fs.mkdirSync(path.join(posts, 'sub'))
    fs.writeFileSync(
      path.join(posts, 'sub', '2036-02-02-deeper.md'),
      '---\ntitle: Deeper\n---\nText\n',
    )
    const a = build({ ...opts, out: alone, listAhead: false })
    const b = build({ ...opts, out: ahead, listAhead: true })
    expect(snapshot(ahead)).toEqual(snapshot(alone))
    expect(b.summary).toMatchObject({ written: a.summary.written, unchanged: a.summary.unchanged })
    expect(b.skipped).toEqual(a.skipped)
    expect(b.skipped.map((s) => s.file)).toContain('_posts/2036-02-01-link.md')
    const clean = fresh('clean')
    build({ ...opts, out: clean, listAhead: false })
    expect(snapshot(ahead)).toEqual(snapshot(clean))
  })
})
