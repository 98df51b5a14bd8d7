import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { decodeReadMarks, encodeReadMarks, markKey, type ReadMark } from './read-marks-codec.ts'

const anyId = fc.oneof(
  fc.bigInt({ min: 10n ** 17n, max: 10n ** 18n - 1n }).map(String), // finews archive ids
  fc.nat().map(String),
  fc.webUrl(),
  fc.string({ minLength: 1, maxLength: 14 }),
  fc.string({ unit: 'grapheme', minLength: 1 }),
)
const mark: fc.Arbitrary<ReadMark> = fc.record(
  {
    read: fc.boolean(),
    t: fc.integer({ min: 0, max: 6_000_000 }),
    c: fc.option(fc.string(), { nil: null }),
    g: fc.array(fc.string({ minLength: 1 }), { minLength: 1, maxLength: 4 }),
    cov: fc.constant(true),
  },
  { requiredKeys: ['read', 't', 'c'] },
)
const marks = fc
  .array(fc.tuple(anyId, mark))
  .map((es) => new Map(es.map(([id, m]) => [markKey(id), m])))

describe('read marks codec', () => {
  it('decode(encode(x)) = x', () => {
    fc.assert(
      fc.property(marks, (m) => {
        const d = decodeReadMarks(encodeReadMarks(m))
        expect(d.complete).toBe(true)
        expect(d.value).toEqual(m)
      }),
      { numRuns: 300 },
    )
  })

  it('reads marks stored in the first format (a category per mark, no tags)', () => {
    // Written by version 1 of this codec.
    const v1 = '{"v":1,"b":101,"c":["emnews","sitenews"],"m":"RQQ#N0G$b#N**5iTR5aVTSabcPQ+>5sRR"}'
    const d = decodeReadMarks(v1)
    expect(d.complete).toBe(true)
    expect(d.value).toEqual(
      new Map<string, ReadMark>([
        ['202206072403767554', { read: true, t: 105, c: 'emnews' }],
        ['202206072403767999', { read: true, t: 107, c: 'sitenews' }],
        ['abc', { read: false, t: 101, c: null }],
        ['#k2d0', { read: true, t: 103, c: 'emnews' }],
      ]),
    )
    // Saved again, they take the current format and read back the same.
    expect(decodeReadMarks(encodeReadMarks(d.value)).value).toEqual(d.value)
  })

  it('keys numeric and short ids as themselves and hashes the rest', () => {
    expect(markKey('202206072403767554')).toBe('202206072403767554')
    expect(markKey('abc-1')).toBe('abc-1')
    expect(markKey('https://example.com/a')).toMatch(/^#[0-9a-z]+$/)
    expect(markKey('https://example.com/a')).not.toBe(markKey('https://example.com/b'))
  })

  it('garbage never throws and is reported incomplete', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json(), fc.string({ unit: 'binary' })), (raw) => {
        const d = decodeReadMarks(raw)
        expect(d.value).toBeInstanceOf(Map)
      }),
      { numRuns: 500 },
    )
    expect(decodeReadMarks('{"v":1,"b":0,"c":[],"m":"\\u0000"}').complete).toBe(false)
    expect(decodeReadMarks('null').complete).toBe(false)
  })

  it('a damaged body keeps the marks before the damage', () => {
    const m = new Map<string, ReadMark>([
      ['1', { read: true, t: 5, c: null }],
      ['2', { read: true, t: 6, c: 'a' }],
    ])
    const raw = encodeReadMarks(m)
    const cut = JSON.parse(raw) as { m: string }
    const broken = raw.replace(cut.m, cut.m.slice(0, -1))
    const d = decodeReadMarks(broken)
    expect(d.complete).toBe(false)
    expect(d.value.get('1')).toEqual({ read: true, t: 5, c: null })
  })

  it('100,000 archive read marks fit in 1 MB', () => {
    // Archive-like: 18-digit ids (date + a growing counter), read over a year, ~2,000 categories.
    const m = new Map<string, ReadMark>()
    let counter = 2_400_000_000
    const day0 = Date.UTC(2025, 0, 1)
    for (let i = 0; i < 100_000; i++) {
      counter += 1_000 + ((i * 7919) % 9_000)
      const day = new Date(day0 + Math.floor(i / 274) * 86_400_000)
      const ymd = day.toISOString().slice(0, 10).replaceAll('-', '')
      const t = Math.floor(day.getTime() / 600_000) + ((i * 104_729) % 432)
      const cat = (i * i) % 2_000
      m.set(`${ymd}${counter}`, { read: true, t, c: `cat${cat}`, g: [`来源${cat}`] })
    }
    const raw = encodeReadMarks(m)
    expect(raw.length).toBeLessThanOrEqual(1_000_000)
    expect(decodeReadMarks(raw).value.size).toBe(100_000)
  })
})
