// A fast 40-bit string hash (cyrb53, cut to 40 bits) for ids too long to store as they are. Plain
// Number arithmetic, so it costs well under a microsecond per id in a list page's lookups. 40 bits:
// with 100,000 stored marks an unseen id looks read with odds of 1 in 11 million.
export const HASH_BITS = 40

export function hash40(s: string): number {
  let h1 = 0xdeadbeef
  let h2 = 0x41c6ce57
  for (let i = 0; i < s.length; i++) {
    const ch = s.charCodeAt(i)
    h1 = Math.imul(h1 ^ ch, 2654435761)
    h2 = Math.imul(h2 ^ ch, 1597334677)
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507)
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909)
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507)
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909)
  return (h2 & 0xff) * 0x100000000 + (h1 >>> 0)
}
