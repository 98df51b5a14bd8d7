import { describe, expect, it } from 'vitest'
import { Postings } from './postings.ts'

const entries = (p: Postings) => new Map([...p.entries()].map(([k, l]) => [k, Array.from(l)]))

describe('the postings of a segment', () => {
  it('keys every character and pair by its text, past the first 16,384 characters too', () => {
    const chars = Array.from({ length: 17_000 }, (_, k) => String.fromCodePoint(0x4e00 + k))
    const p = new Postings()
    p.addText(chars.join(''), 0)
    p.addText(`${chars[16_999]}${chars[0]}`, 1)
    const got = entries(p)
    p.release()
    expect(got.get(chars[0]!)).toEqual([0, 1])
    expect(got.get(chars[16_999]!)).toEqual([0, 1])
    expect(got.get(`${chars[16_998]}${chars[16_999]}`)).toEqual([0])
    expect(got.get(`${chars[16_999]}${chars[0]}`)).toEqual([1])
    // Every key is one character or two, never a pair misread from a character's number.
    for (const key of got.keys()) expect(Array.from(key).length).toBeLessThanOrEqual(2)
    expect([...got.keys()].filter((k) => Array.from(k).length === 1)).toHaveLength(17_000)
  })

  it('continues seeded lists as if the text had been added', () => {
    const whole = new Postings()
    whole.addText('上海 市场', 0)
    whole.addText('市场', 1)
    whole.addFilter('\u0001cbank', 1)
    const want = entries(whole)
    whole.release()
    const seeded = new Postings()
    for (const [key, list] of want)
      seeded.seed(
        key,
        list.filter((o) => o < 1),
      )
    seeded.addText('市场', 1)
    seeded.addFilter('\u0001cbank', 1)
    const got = entries(seeded)
    seeded.release()
    expect(got).toEqual(want)
  })
})
