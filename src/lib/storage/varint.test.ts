import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { PackError, PackReader, writeVarint } from './varint.ts'

describe('varint packing', () => {
  it('reads back every safe integer sequence it wrote', () => {
    fc.assert(
      fc.property(fc.array(fc.maxSafeNat()), (ns) => {
        const out: string[] = []
        for (const n of ns) writeVarint(out, n)
        const text = out.join('')
        expect(text).not.toMatch(/["\\\s]/)
        const r = new PackReader(text)
        const back: number[] = []
        while (!r.done) back.push(r.varint())
        expect(back).toEqual(ns)
      }),
    )
  })

  it('small numbers take one character', () => {
    const out: string[] = []
    writeVarint(out, 45)
    expect(out.join('')).toHaveLength(1)
  })

  it('garbage gives a PackError, never anything else', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const r = new PackReader(s)
        try {
          while (!r.done) r.varint()
        } catch (e) {
          expect(e).toBeInstanceOf(PackError)
        }
      }),
    )
  })
})
