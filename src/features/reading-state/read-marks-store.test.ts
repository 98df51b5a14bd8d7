import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { encodeReadMarks, markKey } from './read-marks-codec.ts'
import {
  markDelta,
  mergeMarks as merge,
  pruneOldest,
  ReadMarks,
  readMarksStore,
  withRead,
} from './read-marks-store.ts'

const id = fc.oneof(
  fc.constantFrom('1', '2', '3', 'abc', 'https://x.org/1'),
  fc.string({ minLength: 1, maxLength: 8 }),
)
const ops = fc.array(
  fc.tuple(id, fc.boolean(), fc.integer({ min: 0, max: 50 }), fc.constantFrom('a', 'b', null)),
)
const apply = (list: [string, boolean, number, string | null][]) =>
  list.reduce(
    (s, [i, read, t, c]) => withRead(s, [{ id: i, category: c }], read, t),
    new ReadMarks(new Map()),
  )
const recount = (s: ReadMarks, slug: string, after = -Infinity) =>
  [...s].filter(([, m]) => m.c === slug && m.t > after).reduce((n, [, m]) => n + markDelta(m), 0)
const read = (s: ReadMarks, id: string) => s.markOf(id)?.read === true
describe('read marks state', () => {
  it('answers lookups by article id, whatever its shape', () => {
    const s = withRead(
      new ReadMarks(new Map()),
      [{ id: '202206072403767554' }, { id: 'https://x.org/a b' }],
      true,
      10,
    )
    expect(read(s, '202206072403767554')).toBe(true)
    expect(read(s, 'https://x.org/a b')).toBe(true)
    expect(read(s, 'https://x.org/a')).toBe(false)
    expect(s.size).toBe(2)
  })

  it('a change is always later than the mark it replaces (a logical clock)', () => {
    let s = withRead(new ReadMarks(new Map()), [{ id: 'a' }], true, 100)
    s = withRead(s, [{ id: 'a' }], false, 100)
    s = withRead(s, [{ id: 'a' }], true, 100)
    expect(s.get('a')).toEqual({ read: true, t: 102, c: null })
  })

  it('keeps an article’s tags with its mark', () => {
    const s = withRead(
      new ReadMarks(new Map()),
      [{ id: 'a', category: 'x', tags: ['甲', '乙'] }],
      true,
      1,
    )
    expect(s.get('a')).toEqual({ read: true, t: 1, c: 'x', g: ['甲', '乙'] })
    expect(s.sumAfter({ kind: 'tag', tag: '乙' }, -Infinity)).toBe(1)
    expect(s.sumAfter({ kind: 'all' }, -Infinity)).toBe(1)
  })

  it('returns the same state when nothing changes', () => {
    const s = withRead(new ReadMarks(new Map()), [{ id: 'a' }], true, 1)
    expect(withRead(s, [{ id: 'a' }], true, 2)).toBe(s)
    expect(withRead(s, [{ id: 'b' }], false, 2)).toBe(s)
  })

  it('keeps per-list tallies right through any sequence of changes', () => {
    fc.assert(
      fc.property(ops, ops, fc.integer({ min: -1, max: 60 }), (first, then, after) => {
        const s = apply(first)
        s.sumAfter({ kind: 'category', slug: 'a' }, after) // computed now, then carried forward
        const next = then.reduce(
          (st, [i, r, t, c]) => withRead(st, [{ id: i, category: c }], r, t),
          s,
        )
        for (const slug of ['a', 'b'])
          expect(next.sumAfter({ kind: 'category', slug }, after)).toBe(recount(next, slug, after))
      }),
    )
  })

  it('folds a large overlay into a new base without losing marks', () => {
    const ids = Array.from({ length: 10_000 }, (_, i) => ({ id: String(i), category: 'c' }))
    let s = new ReadMarks(new Map())
    for (let i = 0; i < ids.length; i += 1_000) s = withRead(s, ids.slice(i, i + 1_000), true, i)
    expect(s.size).toBe(10_000)
    expect(ids.every((it) => read(s, it.id))).toBe(true)
    expect(s.sumAfter({ kind: 'category', slug: 'c' }, -Infinity)).toBe(10_000)
  })

  it('merging in either order gives the same marks (tabs converge)', () => {
    fc.assert(
      fc.property(ops, ops, (x, y) => {
        const a = apply(x)
        const b = apply(y)
        expect(encodeReadMarks(merge(a, b))).toBe(encodeReadMarks(merge(b, a)))
      }),
    )
  })

  it('is idempotent: merging what is already there changes nothing', () => {
    fc.assert(
      fc.property(ops, ops, (x, y) => {
        const ab = merge(apply(x), apply(y))
        expect(merge(ab, apply(y))).toBe(ab)
      }),
    )
  })

  it('prunes the oldest marks first', () => {
    const s = withRead(
      withRead(new ReadMarks(new Map()), [{ id: 'old1' }, { id: 'old2' }], true, 1),
      Array.from({ length: 6 }, (_, i) => ({ id: `new${i}` })),
      true,
      9,
    )
    const r = pruneOldest(s)!
    expect(r.removed).toBe(2)
    expect(read(r.value, 'old1') || read(r.value, 'old2')).toBe(false)
    expect(r.value.size).toBe(6)
    expect(pruneOldest(new ReadMarks(new Map()))).toBeNull()
  })

  it('the store is keyed and versioned', () => {
    expect(readMarksStore.key).toBe('news-reader:v1:read-marks')
    expect(markKey('1')).toBe('1')
  })
})
