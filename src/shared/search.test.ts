import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  countBits,
  decodeShard,
  encodeShard,
  exactByPostings,
  hasBit,
  keyHash,
  matchesText,
  normalize,
  parseQuery,
  searchBodyText,
  searchableText,
  SearchIndexError,
  termKeys,
} from './search.ts'

describe('normalize', () => {
  it('folds width and case and collapses white space', () => {
    expect(normalize('ＡＢＣ１２３')).toBe('abc123')
    expect(normalize('  ETF\t\n基金 ')).toBe('etf 基金')
    expect(normalize('Ａ股')).toBe('a股')
  })
  it('keeps title and body apart', () => {
    expect(searchableText('东营 市', '工业\n互联网')).toBe('东营 市\n工业 互联网')
  })
})

describe('parseQuery', () => {
  it('reads terms, quotes and exclusions', () => {
    expect(parseQuery('东营 工业互联网')).toEqual({
      ok: true,
      query: { include: ['东营', '工业互联网'], exclude: [] },
    })
    expect(parseQuery('"工业 互联网" -ETF')).toEqual({
      ok: true,
      query: { include: ['工业 互联网'], exclude: ['etf'] },
    })
    expect(parseQuery('-"a b" 市')).toEqual({
      ok: true,
      query: { include: ['市'], exclude: ['a b'] },
    })
    expect(parseQuery('“东营市”')).toEqual({
      ok: true,
      query: { include: ['东营市'], exclude: [] },
    })
    expect(parseQuery('a - b')).toEqual({ ok: true, query: { include: ['a', 'b'], exclude: [] } })
  })
  it('names what is wrong with a query', () => {
    expect(parseQuery('')).toEqual({ ok: false, problem: 'empty' })
    expect(parseQuery(' "" ')).toEqual({ ok: false, problem: 'empty' })
    expect(parseQuery('"东营')).toEqual({ ok: false, problem: 'unclosed-quote' })
    expect(parseQuery('-东营')).toEqual({ ok: false, problem: 'only-exclusions' })
    expect(parseQuery('x'.repeat(201))).toEqual({ ok: false, problem: 'too-long' })
  })
})

/** Every key the builder indexes for a text (characters but spaces, pairs within a line). */
function gramsOf(text: string): Set<string> {
  const out = new Set<string>()
  for (const line of text.split('\n')) {
    const cps = Array.from(line)
    cps.forEach((c, k) => {
      if (c !== ' ') out.add(c)
      if (k > 0) out.add(`${cps[k - 1]}${c}`)
    })
  }
  return out
}

const alphabet = fc.constantFrom(...Array.from('东营市工业互联网 A股ETF6001０ａ𠀀'), '\ud840', ' ')
const text = fc.array(alphabet, { maxLength: 40 }).map((a) => a.join(''))

describe('n-gram keys against a substring scan', () => {
  it('a text holding a term holds all its keys; one or two characters: exactly then', () => {
    fc.assert(
      fc.property(text, text, text, (title, body, raw) => {
        const term = normalize(raw)
        fc.pre(term !== '')
        const t = searchableText(title, body)
        const grams = gramsOf(t)
        const all = termKeys(term).every((k) => grams.has(k))
        if (t.includes(term)) expect(all).toBe(true)
        if (exactByPostings(term)) expect(all).toBe(t.includes(term))
      }),
      { numRuns: 2000 },
    )
  })
  it('a query matches as the substring scan says', () => {
    fc.assert(
      fc.property(text, text, text, (a, b, body) => {
        const q = parseQuery(`${a.replace(/[\s"-]/g, '') || '市'} -"${b.replace(/"/g, '')}"`)
        fc.pre(q.ok)
        if (!q.ok) return
        const t = searchableText('', body)
        const want =
          q.query.include.every((x) => t.includes(x)) && !q.query.exclude.some((x) => t.includes(x))
        expect(matchesText(t, q.query)).toBe(want)
      }),
    )
  })
})

describe('shards', () => {
  it('round-trip postings as lists and bitmaps', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 300 }),
        fc.array(
          fc.tuple(
            fc.string({ minLength: 1, maxLength: 3 }),
            fc.array(fc.nat(), { maxLength: 300 }),
          ),
        ),
        (docs, raw) => {
          const entries = new Map<string, number[]>()
          for (const [k, list] of raw)
            entries.set(
              k,
              [...new Set(list.map((o) => o % docs))].sort((x, y) => x - y),
            )
          const decoded = decodeShard(encodeShard(entries, docs), docs)
          expect([...decoded.keys()].sort()).toEqual([...entries.keys()].sort())
          for (const [k, list] of entries) {
            const bits = decoded.get(k)!
            expect(countBits(bits)).toBe(list.length)
            for (const o of list) expect(hasBit(bits, o)).toBe(1)
          }
        },
      ),
    )
  })
  it('refuses corrupt bytes with a SearchIndexError, never anything else', () => {
    const good = encodeShard(
      new Map([
        ['东营', [1, 5, 9]],
        ['a', [0]],
      ]),
      16,
    )
    fc.assert(
      fc.property(fc.nat(good.length - 1), fc.nat(255), (at, byte) => {
        const bad = good.slice()
        bad[at] = byte
        try {
          decodeShard(bad, 16)
        } catch (e) {
          expect(e).toBeInstanceOf(SearchIndexError)
        }
      }),
    )
    expect(() => decodeShard(good.subarray(0, good.length - 1), 16)).toThrow(SearchIndexError)
    expect(() => decodeShard(new TextEncoder().encode('<html>'), 16)).toThrow(SearchIndexError)
  })
  it('hashes keys the same way everywhere (FNV-1a over UTF-8)', () => {
    expect(keyHash('')).toBe(0x811c9dc5)
    expect(keyHash('a')).toBe(0xe40c292c)
  })
})

describe('searchBodyText', () => {
  it('drops tags, comments and scripts and decodes entities', () => {
    expect(
      normalize(
        searchBodyText(
          '<p>A&amp;B <b>股</b></p><!-- x --><script>y</script>&#x4e1c;&#33829;&hellip;&bogus;',
        ),
      ),
    ).toBe('a&b 股 东营...&bogus;') // NFKC: … is three dots
  })
})
