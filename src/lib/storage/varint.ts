// Self-delimiting base-46 integers in printable ASCII: the packing of compact stored values. A digit
// from the first half of the alphabet means "more digits follow", one from the second half ends the
// number, so records need no separators. `"` and `\` are left out so JSON never has to escape them.
const ALPHABET = Array.from({ length: 0x7e - 0x21 + 1 }, (_, i) => 0x21 + i).filter(
  (c) => c !== 0x22 && c !== 0x5c,
)
const BASE = 46
const CONT = Uint8Array.from(ALPHABET.slice(0, BASE))
const TERM = Uint8Array.from(ALPHABET.slice(BASE))
/** Per char code: digit value, +BASE for a terminal digit, -1 for anything else. */
const DIGIT = new Int8Array(128).fill(-1)
for (let i = 0; i < BASE; i++) {
  DIGIT[CONT[i] as number] = i
  DIGIT[TERM[i] as number] = i + BASE
}
const LIMIT = Math.floor(Number.MAX_SAFE_INTEGER / BASE)

/** Thrown by the reader on malformed input; decoders catch it and report an incomplete value. */
export class PackError extends Error {}

/** An ASCII output buffer that grows as needed. */
export class PackWriter {
  private buf = new Uint8Array(1024)
  private len = 0
  private digits = new Uint8Array(12)

  private room(n: number) {
    if (this.len + n <= this.buf.length) return
    const next = new Uint8Array(Math.max(this.buf.length * 2, this.len + n))
    next.set(this.buf.subarray(0, this.len))
    this.buf = next
  }

  varint(n: number): void {
    if (!Number.isSafeInteger(n) || n < 0) throw new PackError(`not a packable integer: ${n}`)
    let k = 0
    this.digits[k++] = TERM[n % BASE] as number
    n = Math.floor(n / BASE)
    while (n > 0) {
      this.digits[k++] = CONT[n % BASE] as number
      n = Math.floor(n / BASE)
    }
    this.room(k)
    while (k > 0) this.buf[this.len++] = this.digits[--k] as number
  }

  /** Printable ASCII only (callers check). */
  text(s: string): void {
    this.room(s.length)
    for (let i = 0; i < s.length; i++) this.buf[this.len++] = s.charCodeAt(i)
  }

  toString(): string {
    return new TextDecoder().decode(this.buf.subarray(0, this.len))
  }
}

/** One-off helper for tests and small values. */
export function writeVarint(out: string[], n: number): void {
  const w = new PackWriter()
  w.varint(n)
  out.push(w.toString())
}

/** A cursor over a packed string. */
export class PackReader {
  pos = 0
  constructor(readonly s: string) {}

  get done(): boolean {
    return this.pos >= this.s.length
  }

  varint(): number {
    let v = 0
    const s = this.s
    while (this.pos < s.length) {
      const c = s.charCodeAt(this.pos++)
      const d = c < 128 ? (DIGIT[c] as number) : -1
      if (d < 0 || v > LIMIT) break
      if (d < BASE) v = v * BASE + d
      else return v * BASE + (d - BASE)
    }
    throw new PackError(`bad or truncated number before ${this.pos}`)
  }

  chars(n: number): string {
    if (this.pos + n > this.s.length) throw new PackError('truncated text')
    const out = this.s.slice(this.pos, this.pos + n)
    this.pos += n
    return out
  }
}
