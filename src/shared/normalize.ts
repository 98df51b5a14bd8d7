// How search compares text, in a module of its own: the app's first list needs it too (the source
// filter, muted words) and nothing else of search-text.ts, which would go whole into its chunk.

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g
const SPACES = /[\s\p{Cc}\p{Zs}\u200b-\u200d\u2028\u2029\ufeff]+/gu

/**
 * The text as search compares it: Unicode NFKC (full-width ＡＢＣ１２３ is ABC123), lower case,
 * every run of white space or control characters one space, trimmed, a lone surrogate U+FFFD.
 * Queries and articles alike.
 */
export function normalize(s: string): string {
  // toWellFormed does the same natively (not in every browser yet).
  const wellFormed = (s as { toWellFormed?: () => string }).toWellFormed
  return (wellFormed ? wellFormed.call(s) : s.replace(LONE_SURROGATE, '\ufffd'))
    .normalize('NFKC')
    .toLowerCase()
    .replace(SPACES, ' ')
    .trim()
}
