// The real archive against the reference: the shared corpus plus the seed post, built by Jekyll 4.3
// and by the builder (scripts/compare-jekyll.ts), must agree post by post. Also the seed post's
// facts from the issue. Runs when ../shared is there; Jekyll is required under CI=true.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import {
  DEFAULT_CORPUS,
  DEFAULT_SEEDS,
  compareWithJekyll,
  jekyllAvailable,
} from '../../scripts/compare-jekyll.ts'
import type { BundleContentItem } from '../shared/feed-bundle.ts'
import { build } from './build.ts'

const SEED = DEFAULT_SEEDS[0] as string
const haveShared = fs.existsSync(path.join(DEFAULT_CORPUS, '_posts')) && fs.existsSync(SEED)
const haveJekyll = jekyllAvailable()
if (!haveShared) console.warn(`skipping the real-archive tests: ${DEFAULT_CORPUS} is not there`)
else if (!haveJekyll && process.env.CI !== 'true')
  console.warn(
    'skipping the Jekyll comparison: jekyll is not installed (apt-get install -y jekyll)',
  )

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'builder-real-'))
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }))

describe.skipIf(!haveShared)('the real archive', () => {
  it('gives the seed post the facts of the issue', () => {
    const posts = path.join(tmp, 'seed', '_posts')
    fs.mkdirSync(posts, { recursive: true })
    fs.copyFileSync(SEED, path.join(posts, path.basename(SEED)))
    const out = path.join(tmp, 'seed-out')
    build({ input: path.join(tmp, 'seed'), out })
    const item = JSON.parse(
      fs.readFileSync(path.join(out, 'content', '202206072403767554.json'), 'utf8'),
    ) as BundleContentItem
    expect(item.id).toBe('202206072403767554')
    expect(item.title).toBe('东营市奋力打造工业互联网创新应用高地')
    expect(item.date_published).toBe('2022-06-07T10:31:40+08:00')
    expect(item._reader.category).toBe('zhongguogongyebao')
    expect(item.tags).toEqual(['中国工业报新闻'])
    expect(item.external_url).toBe(
      'http://finews.zning.xyz/html_News/NewsShare.html?infoCode=NW202206072403767554',
    )
    expect(item.content_html).not.toContain('返回')
    expect(item.content_html).not.toContain('finews.zning.xyz')
    expect(item.content_html).toContain('（文章来源：中国工业报）')
  })

  it.skipIf(!haveJekyll && process.env.CI !== 'true')(
    'agrees with Jekyll 4.3 on every post it publishes, and accounts for every file',
    () => {
      expect(haveJekyll, 'jekyll must be installed under CI').toBe(true)
      const result = compareWithJekyll({
        corpusDir: DEFAULT_CORPUS,
        seeds: [SEED],
        workDir: path.join(tmp, 'jekyll'),
      })
      const files = fs.readdirSync(path.join(DEFAULT_CORPUS, '_posts')).length + 1
      expect(result.outcomes.length).toBe(files)
      expect(result.compared).toBeGreaterThan(100)
      const problems = result.outcomes.filter((o) => o.differences.length > 0)
      expect(problems).toEqual([])
      // The one file Jekyll does not publish (no date in its name) is skipped with a reason.
      for (const o of result.outcomes.filter((o) => o.status !== 'compared'))
        expect(o.status === 'skipped-by-both' && o.note).toBeTruthy()
    },
    120_000,
  )
})
