// The builder on a hostile archive: JavaScript front matter is never run, hostile HTML is kept as
// data (the app sanitizes it), and names taken from the archive cannot write outside --out.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { build } from './build.ts'

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'builder-hostile-'))
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }))

const posts = path.join(tmp, 'site', '_posts')
const out = path.join(tmp, 'out')
/** A file a front matter engine that runs code would create. */
const marker = path.join(tmp, 'front-matter-ran')
const markerJs = `require('fs').writeFileSync(${JSON.stringify(marker)}, 'ran'); globalThis.__frontMatterRan = true`

const write = (name: string, text: string) => fs.writeFileSync(path.join(posts, name), text)
const post = (fm: string, body = '<p>正文</p>') => `---\n${fm}\n---\n${body}\n`

const ESCAPES = [
  '../../../escaped',
  '..\\..\\escaped',
  '/tmp/escaped',
  '%2e%2e%2fescaped',
  'C:\\escaped',
  '..',
  '.',
  'a/../../escaped',
  'x\u0000y',
  `${'长'.repeat(300)}`,
]

/** Every file and folder under `root`, as paths relative to it. */
function walk(root: string): string[] {
  return fs.readdirSync(root, { recursive: true, encoding: 'utf8' })
}

beforeAll(() => {
  fs.mkdirSync(posts, { recursive: true })
  write('2024-01-01-js.md', `---js\n${markerJs}; module.exports = { title: 'js' }\n---\n<p>x</p>`)
  write('2024-01-02-javascript.md', `---javascript\n({ title: (${markerJs}, 'js') })\n---\nx`)
  write('2024-01-03-coffee.md', `---coffee\ntitle: do -> ${markerJs}\n---\nx`)
  write('2024-01-04-yaml-tag.md', post(`title: !!js/function "function () { ${markerJs} }"`))
  write('2024-01-05-yaml-eval.md', post(`title: !!js/eval "${markerJs.replace(/"/g, '\\"')}"`))
  write(
    '2024-01-06-hostile-html.md',
    post(
      'title: "<img src=x onerror=alert(1)>"\ncategories: news\ntags: [ok]',
      '<script>alert(2)</script><img src=x onerror=alert(3)><a href="javascript:alert(4)">x</a>',
    ),
  )
  ESCAPES.forEach((name, i) => {
    const yamlName = JSON.stringify(name)
    write(
      `2024-02-${String(i + 1).padStart(2, '0')}-escape-${i}.md`,
      post(
        `title: escape ${i}\ncategories: [${yamlName}]\ntags: [${yamlName}]\npermalink: ${yamlName}`,
      ),
    )
  })
  // File names the archive controls: dots, a name that is almost a path.
  write('2024-03-01-...md', post('title: dots'))
  write('2024-03-02-..%2F..%2Fescaped.md', post('title: encoded'))
  build({ input: path.join(tmp, 'site'), out, validate: true })
}, 60_000)

describe('the builder on a hostile archive', () => {
  it('never runs JavaScript front matter', () => {
    expect(fs.existsSync(marker)).toBe(false)
    expect((globalThis as { __frontMatterRan?: boolean }).__frontMatterRan).toBeUndefined()
  })

  it('imports the posts with path-like names, so the next check means something', () => {
    const report = JSON.parse(fs.readFileSync(path.join(out, 'report.json'), 'utf8')) as {
      files: { file: string; status: string }[]
    }
    const escapes = report.files.filter((f) => /2024-0[23]-/.test(f.file))
    expect(escapes.length).toBe(ESCAPES.length + 2)
    expect(escapes.filter((f) => f.status === 'imported').length).toBeGreaterThanOrEqual(
      ESCAPES.length,
    )
  })

  it('writes nothing outside --out', () => {
    expect(fs.readdirSync(tmp).sort()).toEqual(['out', 'site'])
    expect(walk(path.join(tmp, 'site')).sort()).toEqual(
      ['_posts', ...fs.readdirSync(posts).map((f) => path.join('_posts', f))].sort(),
    )
    for (const rel of walk(out)) {
      const abs = fs.realpathSync(path.join(out, rel))
      expect(abs.startsWith(fs.realpathSync(out) + path.sep), rel).toBe(true)
      expect(rel.split(path.sep)).not.toContain('..')
    }
    expect(fs.existsSync('/tmp/escaped')).toBe(false)
  })

  it('keeps hostile HTML as data for the app to sanitize, and titles as text', () => {
    const files = walk(out).filter((f) => f.endsWith('.json'))
    const texts = files.map((f) => fs.readFileSync(path.join(out, f), 'utf8'))
    for (const t of texts) expect(() => JSON.parse(t) as unknown).not.toThrow()
    const content = texts
      .map((t) => JSON.parse(t) as { content_html?: string; title?: string })
      .find((j) => j.content_html?.includes('alert(2)'))
    expect(content?.content_html).toContain('<script>alert(2)</script>')
    expect(content?.title).toBe('<img src=x onerror=alert(1)>')
  })
})
