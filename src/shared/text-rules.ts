// The two text rules of search that the app's first list needs too, apart from the rest of
// search-text.ts (a module goes whole into the chunk that first needs it): how text is compared
// (the category filter, muted words, search) and what a numeric character reference is.

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g
const SPACES = /[\s\p{Cc}\p{Zs}\u200b-\u200d\u2028\u2029\ufeff]+/gu

/**
 * The text as search compares it: Unicode NFKC (full-width ＡＢＣ１２３ is ABC123), lower case,
 * every run of white space or control characters one space, trimmed, a lone surrogate U+FFFD.
 * Queries and articles alike.
 */
export function normalize(s: string): string {
  return s
    .replace(LONE_SURROGATE, '\ufffd')
    .normalize('NFKC')
    .toLowerCase()
    .replace(SPACES, ' ')
    .trim()
}

/** The character of a numeric reference (`#38`, `#x26`), or undefined where it names none. */
export function numericEntity(body: string): string | undefined {
  const cp =
    body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10)
  return cp > 0 && cp <= 0x10ffff && (cp < 0xd800 || cp > 0xdfff)
    ? String.fromCodePoint(cp)
    : undefined
}
