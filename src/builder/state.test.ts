import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { STATE_VERSION, loadState, saveState, type BuildState, type InputState } from './state.ts'

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'state-test-'))
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }))

const imported = (n: number, extra: Partial<InputState> = {}): InputState => ({
  file: `2024-01-0${(n % 9) + 1}-post-${n}.md`,
  size: 1000 + n,
  mtimeMs: 1_700_000_000_000 + n,
  hash: `hash-${n}`,
  id: `post-${n}`,
  contentHash: `content-hash-${n}`,
  meta: {
    slug: `post-${n}`,
    title: `标题 ${n}`,
    summary: `摘要 ${n}`,
    date: '2024-01-01T08:00:00+08:00',
    epochMs: 1_704_067_200_000 + n,
    tags: ['甲', `乙${n}`],
    category: 'caijing',
    readingMinutes: 2,
    ...(n % 2 ? { externalUrl: `https://example.com/${n}` } : {}),
  },
  warnings: n % 3 ? [] : ['no offset: read as Asia/Shanghai'],
  ...extra,
})

const state = (inputs: InputState[]): BuildState => ({
  version: STATE_VERSION,
  settings: 'settings-1',
  inputs,
  outputs: new Map([['feed.json', 'h2']]),
  pages: new Map([['feed.json', 'f1']]),
})

describe('build state file', () => {
  it('round-trips imported and skipped inputs, outputs and page fingerprints', () => {
    const file = path.join(tmp, 'a', 'state.ndjson')
    const inputs = Array.from({ length: 450 }, (_, i) => imported(i))
    inputs.push({
      file: 'notes.txt',
      size: 3,
      mtimeMs: 1,
      hash: '',
      reason: 'not a post',
      warnings: [],
    })
    const saved = state(inputs)
    // Content files' hashes travel with their inputs, not in the outputs map.
    saved.outputs.set('content/post-1.json', 'content-hash-1')
    saveState(file, saved)
    expect(loadState(file, 'settings-1')).toEqual(state(inputs))
  })

  it('reads lines longer than its 1 MB read buffer', () => {
    const file = path.join(tmp, 'long.ndjson')
    const long = imported(1, { warnings: ['长'.repeat(600_000)] })
    saveState(file, state([long, imported(2)]))
    expect(loadState(file, 'settings-1')?.inputs).toEqual([long, imported(2)])
  })

  it('is ignored (null: a full build follows) when missing, damaged or made with other settings', () => {
    const file = path.join(tmp, 'b.ndjson')
    expect(loadState(file, 'settings-1')).toBeNull()
    saveState(file, state([imported(1)]))
    expect(loadState(file, 'settings-2')).toBeNull()
    const text = fs.readFileSync(file, 'utf16le')
    expect(text).toContain('"hash-1"')
    fs.writeFileSync(file, text.slice(0, text.length - 20), 'utf16le')
    expect(loadState(file, 'settings-1')).toBeNull()
    fs.writeFileSync(file, text.replace('"hash-1"', '17'), 'utf16le')
    expect(loadState(file, 'settings-1')).toBeNull()
    fs.writeFileSync(file, text, 'utf16le')
    expect(loadState(file, 'settings-1')?.inputs).toHaveLength(1)
    fs.writeFileSync(file, '\u0000\u0001 not json')
    expect(loadState(file, 'settings-1')).toBeNull()
  })
})
