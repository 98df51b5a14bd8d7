// The state file: a round trip of every column, and a damaged or foreign file read as no state.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { Articles, IMPORTED, Inputs } from './catalog.ts'
import { digestOf, setDigest } from './digest.ts'
import { loadState, saveState, type BuildState, type OutputRecord } from './state.ts'

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'state-test-'))
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }))

function state(n: number): BuildState {
  const files = Array.from({ length: n + 1 }, (_, i) => `2024-01-01-post-${i}.md`)
  files[n] = 'notes.txt'
  const inputs = new Inputs(files, new Uint16Array(n + 1), ['_posts/'])
  const articles = new Articles(n + 1)
  for (let i = 0; i < n; i++) {
    inputs.size[i] = 1000 + i
    inputs.mtimeMs[i] = 1_700_000_000_000.5 + i
    setDigest(inputs.hash, i, digestOf(`input ${i}`))
    inputs.status[i] = IMPORTED
    inputs.ids[i] = `post-${i}`
    if (i % 3 === 0) inputs.warnings.set(i, ['长'.repeat(i)])
    const a = articles.add({
      input: i,
      id: `post-${i}`,
      epochMs: 1_704_067_200_000 + i,
      category: i % 2,
      tags: i % 4 ? [0, 1] : [],
      itemOffset: i * 100,
      itemLength: 100,
      itemSplit: 60,
    })
    inputs.article[i] = a
    setDigest(articles.itemHash, a, digestOf(`item ${i}`))
    setDigest(articles.contentHash, a, digestOf(`content ${i}`))
  }
  inputs.reasons.set(n, 'not a post')
  return {
    settings: 'settings-1',
    outRoot: '/out',
    itemStore: 3,
    folders: [{ real: '/site/_posts', name: '_posts', start: 0, count: n + 1 }],
    inputs,
    articles,
    categories: ['caijing', '新闻'],
    tags: ['甲', '乙'],
    outputs: new Map([
      ['feed.json', { digest: digestOf('a'), fingerprint: digestOf('b') }],
      ['tags.json', { digest: digestOf('c'), fingerprint: undefined }],
    ]),
  }
}

/** A loaded state's outputs as saveState takes them. */
const recordsToSave = (outputs: ReadonlyMap<string, OutputRecord>) => ({
  outputs: new Map([...outputs].map(([p, o]) => [p, o.digest])),
  fingerprint: (p: string) => outputs.get(p)?.fingerprint,
})

/** The parts of a state that must survive a round trip, as plain data. */
const plain = (s: BuildState) => ({
  ...s,
  inputs: { ...s.inputs, ids: undefined },
  articles: { ...s.articles.columns(), ids: s.articles.ids },
})

describe('build state file', () => {
  it('round-trips inputs, articles, names and outputs', () => {
    const file = path.join(tmp, 'a', 'state')
    fs.mkdirSync(path.dirname(file))
    const saved = state(450)
    saveState(file, { ...saved, ...recordsToSave(saved.outputs) })
    expect(plain(loadState(file)!)).toEqual(plain(saved))
  })

  it('is no state (null: a full build follows) when missing, cut short or foreign', () => {
    const file = path.join(tmp, 'b')
    expect(loadState(file)).toBeNull()
    const five = state(5)
    saveState(file, { ...five, ...recordsToSave(five.outputs) })
    const bytes = fs.readFileSync(file)
    fs.writeFileSync(file, bytes.subarray(0, bytes.length - 40))
    expect(loadState(file)).toBeNull()
    fs.writeFileSync(file, bytes.toString('latin1').replace('"version":8', '"version":7'), 'latin1')
    expect(loadState(file)).toBeNull()
    fs.writeFileSync(file, '\u0000\u0001 not json')
    expect(loadState(file)).toBeNull()
    fs.writeFileSync(file, bytes)
    expect(loadState(file)?.inputs.count).toBe(6)
  })
})
