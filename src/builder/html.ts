// Text into HTML and XML safely, and the built app's index.html as the shell every static page is
// made from: its CSP, its hashed scripts and styles, its preload, untouched (derived from the file,
// never written here a second time).
import { BuildError } from './errors.ts'

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
}

/** Text for an element's content or a quoted attribute value: nothing in it can end either. */
export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] as string)

/**
 * Text for XML (Atom, sitemaps): escaped like HTML, and characters XML 1.0 does not allow at all
 * (C0 controls but tab and newlines, lone surrogates, U+FFFE/U+FFFF) dropped.
 */
export const escapeXml = (s: string) =>
  s
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDFFF]/gu, '')
    .replace(/[&<>"']/g, (c) => XML_ESCAPES[c] as string)

const XML_ESCAPES: Record<string, string> = { ...HTML_ESCAPES, "'": '&apos;' }

/**
 * JSON for `<script type="application/ld+json">`: `<` (so no `</script>` or `<!--`), `>` and `&`
 * as \u escapes, and U+2028/U+2029; the value is the same JSON for any parser.
 */
export const scriptJson = (value: unknown) =>
  JSON.stringify(value).replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  )

/** Marks a page the builder wrote (so it is never taken for the app's own index.html). */
export const GENERATOR = '<meta name="generator" content="news-reader pages" />'

const TITLE = /<title>[^<]*<\/title>/
const ROOT = '<div id="root"></div>'
const NOSCRIPT = /<noscript>[^<]*<\/noscript>/

/** The app's index.html cut where a page puts its own head tags and its first screen. */
export type Shell = {
  /** Up to where the shell's <title> was. */
  head: string
  /** From after <title> to the end of <div id="root">'s opening tag. */
  middle: string
  /** From </div> of the root to the end (the <noscript> notice left out). */
  tail: string
}

/**
 * Splits the built app's index.html. Refuses a page the builder wrote itself or one without the
 * places a page needs (a <title>, an empty <div id="root">): not the built app.
 */
export function parseShell(html: string, file: string): Shell {
  if (html.includes(GENERATOR))
    throw new BuildError(`${file} is a page the builder wrote, not the built app`)
  const title = TITLE.exec(html)
  const root = html.indexOf(ROOT)
  if (!title || root < 0 || root < title.index)
    throw new BuildError(
      `${file} is not the built app's index.html (no <title> or empty <div id="root">): run vite build first`,
    )
  const open = root + ROOT.length - '</div>'.length
  return {
    head: html.slice(0, title.index),
    middle: html.slice(title.index + title[0].length, open),
    tail: html.slice(open).replace(NOSCRIPT, ''),
  }
}

/** The shell with `tags` at the end of its head, after the app's own scripts and preloads. */
export function withHeadEnd(shell: Shell, tags: string): Shell {
  const end = shell.middle.indexOf('</head>')
  if (end < 0 || !tags) return shell
  return { ...shell, middle: `${shell.middle.slice(0, end)}${tags}${shell.middle.slice(end)}` }
}

/**
 * The shell with the stylesheet link `tag` replaced by its text `css` in a <style>, when the text
 * can stand there byte for byte (the CSP's hash is of those bytes: no `</style`, no CR, which the
 * HTML parser would end or rewrite) and surely means the same (no url(), image-set(), @import or
 * escape, which could name a file relative to the stylesheet). The link moves to the end of the
 * body: content before it paints without waiting for it, and it still styles the page where a
 * policy sent as a header blocks the inline copy (and the app's loader finds it there).
 */
export function withInlineStyle(shell: Shell, tag: string, css: string): Shell {
  const end = shell.tail.lastIndexOf('</body>')
  if (/<\/style|\r|url\(|image-set\(|@import|\\/i.test(css) || end < 0) return shell
  if (!shell.middle.includes(tag)) return shell
  return {
    ...shell,
    middle: shell.middle.replace(tag, () => `<style>${css}</style>`),
    tail: `${shell.tail.slice(0, end)}${tag}\n  ${shell.tail.slice(end)}`,
  }
}

/**
 * A page: the shell with its own title and head tags, and `body` inside the root element. `path`
 * is the app's address the page shows (`news-reader-page`): the app takes over its markup only
 * there (a host's fallback may serve the page for another address).
 */
export function fillShell(
  shell: Shell,
  path: string,
  title: string,
  headTags: string,
  body: string,
): string {
  return (
    `${shell.head}<title>${escapeHtml(title)}</title>\n    ${GENERATOR}\n` +
    `    <meta name="news-reader-page" content="${escapeHtml(path)}" />\n` +
    `${headTags}${shell.middle}${body}${shell.tail}`
  )
}
