// The app's one HTML sanitizer policy: third-party article bodies become HTML that can neither run
// script nor track the reader, while the archive's real formatting (paragraphs, strong,
// blockquotes, centred images, tables, lists) still renders. A dedicated DOMPurify instance, so no
// other code can change its hooks or configuration.
import DOMPurify, { type Config } from 'dompurify'

/** Tags that are never kept, on top of everything DOMPurify's HTML profile leaves out. */
export const FORBIDDEN_TAGS = [
  'style',
  'form',
  'input',
  'button',
  'textarea',
  'select',
  'dialog',
  'template',
  'iframe',
  'object',
  'embed',
  'noscript',
  'frame',
  'frameset',
  'portal',
  'fencedframe',
  'base',
  'link',
  'meta',
]

/**
 * Attributes that are never kept. `class` too: an article must not borrow the app's own classes to
 * dress itself up as reader chrome (a fake dialog, a full-page overlay). Popovers, commands, `inert`
 * and `autoplay` hand control of the page to the article.
 */
const FORBIDDEN_ATTRS = [
  'style',
  'class',
  'popover',
  'popovertarget',
  'popovertargetaction',
  'command',
  'commandfor',
  'inert',
  'autoplay',
  'nonce',
  'integrity',
  'crossorigin',
  'slot',
  'part',
  'exportparts',
  'action',
  'method',
  'enctype',
  'formaction',
  'download',
  'ping',
  'target',
]

/** Schemes a URL in an article may have; relative URLs are resolved against the article's source. */
const ALLOWED_SCHEMES = ['http:', 'https:', 'mailto:'] as const

/** Attributes holding one URL. */
const URL_ATTRS = ['href', 'src', 'cite', 'poster', 'background', 'longdesc', 'xlink:href']

// The whole configuration in one frozen object; `satisfies` keeps it checked against DOMPurify.
const SANITIZE_CONFIG = Object.freeze({
  USE_PROFILES: { html: true },
  FORBID_TAGS: FORBIDDEN_TAGS,
  FORBID_ATTR: FORBIDDEN_ATTRS,
  // A closed dialog, a select's options: hidden content, dropped with its container.
  ADD_FORBID_CONTENTS: ['dialog', 'select', 'iframe', 'object', 'embed', 'frameset'],
  ALLOW_DATA_ATTR: false,
  ALLOW_UNKNOWN_PROTOCOLS: false,
  // DOM clobbering: ids and names become `user-content-…`, so an article cannot shadow globals.
  SANITIZE_NAMED_PROPS: true,
  SANITIZE_DOM: true,
  // DOMPurify checks every attribute value with this; the hook below decides what a URL may be.
  ALLOWED_URI_REGEXP: /^(?:(?:https?|mailto):|[^a-z]|[a-z+.-]+(?:[^a-z+.\-:]|$))/i,
} satisfies Config)

const purify = DOMPurify()

const STANDARDS_MODE = '<!doctype html><body>'

/** The article's source page while a sanitize call runs (calls are synchronous, never nested). */
let currentBase: string | null = null

/** An http(s) base URL, or null: anything else would let a feed pick what relative links mean. */
function toBaseUrl(baseUrl: string | null | undefined): string | null {
  if (!baseUrl) return null
  try {
    const u = new URL(baseUrl)
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null
  } catch {
    return null
  }
}

// eslint-disable-next-line no-control-regex -- the URL parser skips leading controls; so must we
const HAS_SCHEME = /^[\s\u0000-\u001f]*[a-z][a-z0-9+.\-\s]*:/i

/**
 * One URL as the browser will read it (the WHATWG parser strips controls, tabs and newlines, so do
 * we): resolved against the source when there is one, else kept relative. Null when not allowed.
 */
function cleanUrl(value: string, base: string | null): string | null {
  const trimmed = value.trim()
  let resolved: URL
  try {
    resolved = new URL(trimmed, base ?? 'https://relative.invalid/')
  } catch {
    return null
  }
  if (!(ALLOWED_SCHEMES as readonly string[]).includes(resolved.protocol)) return null
  if (base !== null || HAS_SCHEME.test(trimmed)) return resolved.href
  // No source to resolve against: a relative URL stays relative (it can only point at this site).
  return trimmed.startsWith('//') ? resolved.href : trimmed
}

function cleanSrcset(value: string, base: string | null): string | null {
  const out: string[] = []
  for (const candidate of value.split(',')) {
    const [url, ...descriptor] = candidate.trim().split(/\s+/)
    if (!url) return null
    const clean = cleanUrl(url, base)
    // A comma inside a URL (data: URLs) splits it here and fails: the whole srcset goes.
    if (clean === null || /[\s,]/.test(clean)) return null
    out.push([clean, ...descriptor].join(' '))
  }
  return out.join(', ')
}

const cssOf = (el: Element) =>
  (el.getAttribute('style') ?? '')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\\/g, '')
    .replace(/\s+/g, '')
    .toLowerCase()

function isHidden(el: Element): boolean {
  if (el.hasAttribute('hidden')) return true
  const css = cssOf(el)
  return /(^|;)display:none/.test(css) || /(^|;)visibility:(hidden|collapse)/.test(css)
}

/** Declared size in CSS pixels from the attribute or the inline style, if any. */
function declaredSize(el: Element, dim: 'width' | 'height'): number | null {
  const fromStyle = new RegExp(`(?:^|;)${dim}:(\\d+(?:\\.\\d+)?)(px)?(?:;|!|$)`).exec(cssOf(el))
  const raw = fromStyle?.[1] ?? el.getAttribute(dim)?.trim().replace(/px$/i, '')
  if (raw === undefined || raw === '' || !/^\d+(\.\d+)?$/.test(raw)) return null
  return Number(raw)
}

function isTrackingPixel(el: Element): boolean {
  if (el.localName !== 'img') return false
  const w = declaredSize(el, 'width')
  const h = declaredSize(el, 'height')
  return w === 0 || h === 0 || (w !== null && h !== null && w <= 1 && h <= 1)
}

/** Sets attributes after all others, in a fixed order, so sanitizing twice changes nothing. */
function setLast(el: Element, attrs: Record<string, string>) {
  for (const name of Object.keys(attrs)) el.removeAttribute(name)
  for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, value)
}

/** The class an element that the source centred gets, the one class an article keeps. */
export const CENTER_CLASS = 'nr-center'
/** Elements of the pass running now that the source centred (by style, `align` or our class). */
let centred = new WeakSet<Element>()

function isCentred(el: Element): boolean {
  return (
    /(^|;)text-align:center/.test(cssOf(el)) ||
    el.getAttribute('align')?.trim().toLowerCase() === 'center' ||
    el.getAttribute('class')?.trim() === CENTER_CLASS
  )
}

function installHooks() {
  // Runs while the element still has its original attributes (style included), so what the source
  // hid stays hidden: the archive hides boilerplate with `display:none`; trackers are 1×1 images.
  purify.addHook('uponSanitizeElement', (node) => {
    if (node.nodeType !== 1) return
    const el = node as Element
    // The body is the parse root: it carries the document's own attributes, never an article's.
    if (el.localName !== 'body' && (isHidden(el) || isTrackingPixel(el))) el.remove()
    // Styles go, but the archive's centred images and captions should stay centred.
    else if (isCentred(el)) centred.add(el)
  })

  purify.addHook('afterSanitizeAttributes', (el) => {
    for (const name of URL_ATTRS) {
      const value = el.getAttribute(name)
      if (value === null) continue
      const clean = cleanUrl(value, currentBase)
      if (clean === null) el.removeAttribute(name)
      else if (clean !== value) el.setAttribute(name, clean)
    }
    const srcset = el.getAttribute('srcset')
    if (srcset !== null) {
      const clean = cleanSrcset(srcset, currentBase)
      if (clean === null) el.removeAttribute('srcset')
      else el.setAttribute('srcset', clean)
    }
    if (centred.has(el)) setLast(el, { class: CENTER_CLASS })
    const tag = el.localName
    if ((tag === 'a' || tag === 'area') && el.hasAttribute('href')) {
      // A new tab that cannot reach back into the reader, and no Referer to the article's site.
      setLast(el, { target: '_blank', rel: 'noopener noreferrer', referrerpolicy: 'no-referrer' })
    } else if (tag === 'img') {
      // The archive's image hosts refuse foreign referrers; lazy images keep long articles cheap.
      setLast(el, { loading: 'lazy', decoding: 'async', referrerpolicy: 'no-referrer' })
    }
  })
}

// Without a DOM (Node importing this module for its names) DOMPurify is inert and takes no hooks.
if (purify.isSupported) installHooks()

/** The markup of a string or TrustedHTML (whose stringifier is its HTML). */
export function htmlText(html: string | TrustedHTML): string {
  return typeof html === 'string' ? html : (html as { toString(): string }).toString()
}

/** Passes after the first before giving up on markup that never settles (none found so far). */
const MAX_EXTRA_PASSES = 3

/**
 * Sanitizes one article body. `baseUrl` is the article's source page: relative links and images
 * resolve against it (without one they stay relative). Returns TrustedHTML when a Trusted Types
 * policy is given and the browser has Trusted Types, else a string.
 *
 * Some trees cannot survive serialization (`<li><p><table><li>` parses into a tree whose markup
 * parses differently): the tree DOMPurify checked is then not the tree innerHTML builds, the root
 * of mutation XSS. So the result is sanitized again until it no longer changes, and only such a
 * fixed point is returned: sanitize(sanitize(x)) == sanitize(x).
 */
export function sanitizeWith(
  html: string,
  baseUrl: string | null | undefined,
  policy: Config['TRUSTED_TYPES_POLICY'],
): string | TrustedHTML {
  currentBase = toBaseUrl(baseUrl)
  centred = new WeakSet()
  // Parse in no-quirks mode, as innerHTML will on the app's page (quirks mode lets <table> nest in
  // <p>), with <body> open so leading whitespace is kept as the fragment parser keeps it.
  const pass = (input: string) =>
    purify.sanitize(STANDARDS_MODE + input, {
      ...SANITIZE_CONFIG,
      TRUSTED_TYPES_POLICY: policy ?? null,
      RETURN_TRUSTED_TYPE: true,
    })
  try {
    let out = htmlText(pass(html))
    for (let i = 0; i < MAX_EXTRA_PASSES; i++) {
      const again = pass(out)
      if (htmlText(again) === out) return again
      out = htmlText(again)
    }
    return pass('')
  } finally {
    currentBase = null
  }
}

/** Sanitizes to a plain string, where Trusted Types are not enforced (jsdom tests, tooling). */
export function sanitizeHtml(html: string, baseUrl?: string | null): string {
  return htmlText(sanitizeWith(html, baseUrl, null))
}
