// Character references as the app's text and the search's text both decode them (a module of its
// own: what the app's first list imports of it stays this small).

/** The entities every HTML writer uses (XML's five and the no-break space). */
export const BASIC_ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
}

/** The character of a numeric reference (`#38`, `#x26`), or undefined where it names none. */
export function numericEntity(body: string): string | undefined {
  const cp =
    body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10)
  return cp > 0 && cp <= 0x10ffff && (cp < 0xd800 || cp > 0xdfff)
    ? String.fromCodePoint(cp)
    : undefined
}
