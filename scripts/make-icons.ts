// Draws the app's icons (the favicon's design: three white lines on the accent blue) as PNGs, with no
// image library and no font: the same bytes on every run.
//   npx tsx scripts/make-icons.ts          writes public/icons/*.png
import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { deflateSync } from 'node:zlib'

const BLUE = [0x0b, 0x57, 0xd0] as const
const WHITE = [0xff, 0xff, 0xff] as const

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})

function crc32(data: Buffer): number {
  let c = 0xffffffff
  for (const byte of data) c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4)
  len.writeUInt32BE(data.length)
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(body))
  return Buffer.concat([len, body, crc])
}

/** An RGBA PNG from a function giving each pixel's colour and coverage. */
export function png(size: number, pixel: (x: number, y: number) => readonly number[]): Buffer {
  const raw = Buffer.alloc((size * 4 + 1) * size)
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0 // filter: none
    for (let x = 0; x < size; x++) {
      const [r, g, b, a] = pixel(x, y)
      raw.set([r!, g!, b!, a!], y * (size * 4 + 1) + 1 + x * 4)
    }
  }
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(size, 0)
  ihdr.writeUInt32BE(size, 4)
  ihdr.set([8, 6, 0, 0, 0], 8) // 8-bit RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

/** Inside a rounded rectangle? (coordinates in units of the 32-unit favicon grid) */
const inRoundRect = (
  x: number,
  y: number,
  x0: number,
  y0: number,
  x1: number,
  y1: number,
  r: number,
) => {
  if (x < x0 || x > x1 || y < y0 || y > y1) return false
  const cx = Math.min(Math.max(x, x0 + r), x1 - r)
  const cy = Math.min(Math.max(y, y0 + r), y1 - r)
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r
}

/** The favicon's three lines (round caps, 3 units wide). */
const onLine = (x: number, y: number) =>
  inRoundRect(x, y, 6.5, 7.5, 25.5, 10.5, 1.5) ||
  inRoundRect(x, y, 6.5, 13.5, 25.5, 16.5, 1.5) ||
  inRoundRect(x, y, 6.5, 19.5, 19.5, 22.5, 1.5)

/**
 * `maskable`: the background fills the square (the platform cuts its own shape) and the lines
 * shrink into the central safe zone (a circle of 40% radius).
 */
export function icon(size: number, maskable: boolean): Buffer {
  const S = 4 // 4×4 samples a pixel
  const scale = maskable ? 0.62 : 1
  return png(size, (px, py) => {
    let bg = 0
    let fg = 0
    for (let sy = 0; sy < S; sy++)
      for (let sx = 0; sx < S; sx++) {
        const u = ((px + (sx + 0.5) / S) / size) * 32
        const v = ((py + (sy + 0.5) / S) / size) * 32
        const inBg = maskable || inRoundRect(u, v, 0, 0, 32, 32, 6)
        if (!inBg) continue
        bg++
        // the lines, centred and scaled in the maskable icon
        if (onLine((u - 16) / scale + 16, (v - 15) / scale + 15)) fg++
      }
    const n = S * S
    if (bg === 0) return [0, 0, 0, 0]
    const t = fg / bg
    const mix = (i: 0 | 1 | 2) => Math.round(BLUE[i] * (1 - t) + WHITE[i] * t)
    return [mix(0), mix(1), mix(2), Math.round((bg / n) * 255)]
  })
}

export const ICONS = [
  { file: 'icon-192.png', size: 192, maskable: false },
  { file: 'icon-512.png', size: 512, maskable: false },
  { file: 'icon-maskable-512.png', size: 512, maskable: true },
] as const

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const out = fileURLToPath(new URL('../public/icons/', import.meta.url))
  mkdirSync(out, { recursive: true })
  for (const { file, size, maskable } of ICONS)
    writeFileSync(path.join(out, file), icon(size, maskable))
  console.log(`wrote ${ICONS.length} icons to ${out}`)
}
