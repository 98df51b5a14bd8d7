import { describe, expect, it } from 'vitest'
import { utf8Text } from './utf8.ts'

/** A small seeded generator: the same cases on every run. */
function random(seed: number) {
  return () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 8) / 0x1000000
}

describe('utf8Text', () => {
  it('decodes valid text exactly as toString does: BOM, CJK, astral, controls', () => {
    const samples = [
      '\ufeff---\ntitle: 标题\n---\n正文 😀 𝕏 \r\n\u0000 end',
      '，'.repeat(500),
      'ascii only '.repeat(20),
      '',
      'short',
    ]
    for (const s of samples) expect(utf8Text(Buffer.from(s))).toBe(s)
  })

  it('replaces invalid sequences as toString does (random bytes)', () => {
    const next = random(7)
    for (let n = 0; n < 300; n++) {
      const bytes = Uint8Array.from({ length: 64 + Math.floor(next() * 200) }, () =>
        // Mostly UTF-8 lead and continuation bytes, so some runs are valid and some are not.
        next() < 0.5 ? 0x80 + Math.floor(next() * 0x70) : Math.floor(next() * 256),
      )
      expect(utf8Text(bytes)).toBe(Buffer.from(bytes).toString('utf8'))
    }
  })

  it('reads a view into a larger buffer from its own offset', () => {
    const whole = Buffer.from('前缀'.repeat(40) + '正文'.repeat(40))
    const view = whole.subarray(240)
    expect(utf8Text(view)).toBe('正文'.repeat(40))
  })
})
