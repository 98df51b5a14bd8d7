import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { FORBIDDEN_TAGS, sanitizeHtml } from './policy.ts'
import { dangerousIn, xssVectors } from '../../../test/xss/vectors.ts'

const SOURCE = 'https://news.example/2022/06/07/story.html'

/** Sanitizes and parses the result, as the browser will after innerHTML. */
function render(html: string, base: string | null = SOURCE): HTMLElement {
  const div = document.createElement('div')
  div.innerHTML = sanitizeHtml(html, base)
  return div
}

describe('sanitizer policy', () => {
  it.each(FORBIDDEN_TAGS)('drops <%s>', (tag) => {
    const out = render(`<p>before</p><${tag} title="t">inside</${tag}><p>after</p>`)
    expect(out.querySelector(tag)).toBeNull()
    expect(out.textContent).toContain('before')
    expect(out.textContent).toContain('after')
  })

  it('keeps only the HTML profile: no SVG, no MathML', () => {
    const out = render('<svg><circle r=4 /></svg><math><mi>x</mi></math><p>ok</p>')
    expect(out.querySelector('svg, math, circle')).toBeNull()
    expect(out.querySelector('p')?.textContent).toBe('ok')
  })

  it('drops style and data-* attributes and classes', () => {
    const out = render(
      '<p style="color:red" data-x="1" data-track="y" class="fixed inset-0" title="kept">t</p>',
    )
    const p = out.querySelector('p')
    expect(p?.getAttributeNames()).toEqual(['title'])
  })

  it('keeps what the source centred centred, with the one class an article may carry', () => {
    const out = render(
      '<p style="text-align: center"><img src="a.jpg" alt="a"></p>' +
        '<div align="CENTER">caption</div><p class="nr-center">again</p>' +
        '<p class="nr-center fixed" style="text-align:left">not centred</p>',
    )
    const [a, b, c, d] = [...out.children]
    expect([a, b, c].map((el) => el?.getAttribute('class'))).toEqual(Array(3).fill('nr-center'))
    expect(d?.hasAttribute('class')).toBe(false)
    // Sanitizing the result again changes nothing (the policy's fixed point).
    expect(sanitizeHtml(out.innerHTML, SOURCE)).toBe(out.innerHTML)
  })

  it('prefixes ids and names so an article cannot clobber globals', () => {
    const out = render('<a id="config" name="cookie" href="/x">x</a>')
    const a = out.querySelector('a')
    expect(a?.id).toBe('user-content-config')
    expect(a?.getAttribute('name')).toBe('user-content-cookie')
  })

  it.each([
    ['javascript:alert(1)'],
    [' JaVaScRiPt:alert(1)'],
    ['java\tscript:alert(1)'],
    ['vbscript:msgbox(1)'],
    ['data:text/html,<script>alert(1)</script>'],
    ['data:image/png;base64,iVBORw0KGgo='],
    ['ftp://files.example/x'],
    ['file:///etc/passwd'],
  ])('removes the URL %j', (url) => {
    const out = render(`<a href="${url}">a</a><img src="${url}" alt="i">`)
    expect(out.querySelector('a')?.hasAttribute('href')).toBe(false)
    expect(out.querySelector('img')?.hasAttribute('src')).toBe(false)
  })

  it('keeps http, https and mailto, and resolves relative URLs against the source', () => {
    const out = render(
      '<a href="http://a.example/1">1</a><a href="https://b.example/2">2</a>' +
        '<a href="mailto:desk@news.example">3</a><a href="../list.html">4</a>' +
        '<img src="/img/a.png" alt="a"><img src="//cdn.example/b.png" alt="b">' +
        '<img srcset="s.png 1x, /l.png 2x" src="s.png" alt="c">',
    )
    expect(Array.from(out.querySelectorAll('a'), (a) => a.getAttribute('href'))).toEqual([
      'http://a.example/1',
      'https://b.example/2',
      'mailto:desk@news.example',
      'https://news.example/2022/06/list.html',
    ])
    expect(Array.from(out.querySelectorAll('img'), (i) => i.getAttribute('src'))).toEqual([
      'https://news.example/img/a.png',
      'https://cdn.example/b.png',
      'https://news.example/2022/06/07/s.png',
    ])
    expect(out.querySelectorAll('img')[2]?.getAttribute('srcset')).toBe(
      'https://news.example/2022/06/07/s.png 1x, https://news.example/l.png 2x',
    )
  })

  it('leaves relative URLs relative when there is no usable source', () => {
    for (const base of [null, 'javascript:alert(1)', 'not a url']) {
      const out = render('<a href="page.html">x</a>', base)
      expect(out.querySelector('a')?.getAttribute('href')).toBe('page.html')
    }
  })

  it('opens links in a new tab without opener or referrer', () => {
    const a = render(
      '<a href="https://a.example/" target="_self" rel="opener">x</a>',
    ).querySelector('a')
    expect(a?.getAttribute('target')).toBe('_blank')
    expect(a?.getAttribute('rel')).toBe('noopener noreferrer')
    expect(a?.getAttribute('referrerpolicy')).toBe('no-referrer')
  })

  it('loads images lazily without a referrer', () => {
    const img = render('<img src="https://img.example/a.jpg" alt="chart">').querySelector('img')
    expect(img?.getAttribute('loading')).toBe('lazy')
    expect(img?.getAttribute('decoding')).toBe('async')
    expect(img?.getAttribute('referrerpolicy')).toBe('no-referrer')
  })

  it.each([
    '<img src="https://t.example/p.gif" width="1" height="1">',
    '<img src="https://t.example/p.gif" width="1px" height="1px">',
    '<img src="https://t.example/p.gif" style="width:1px;height:1px">',
    '<img src="https://t.example/p.gif" width="0" height="0">',
    '<img src="https://t.example/p.gif" height="0">',
  ])('removes the tracking pixel %s', (pixel) => {
    const out = render(`<p>a${pixel}b</p>`)
    expect(out.querySelector('img')).toBeNull()
    expect(out.textContent).toBe('ab')
  })

  it('keeps real images, sized or not', () => {
    const out = render(
      '<img src="https://i.example/a.png" width="600" height="400"><img src="https://i.example/b.png" width="1" height="300"><img src="https://i.example/c.png">',
    )
    expect(out.querySelectorAll('img')).toHaveLength(3)
  })

  it.each([
    '<p style="display:none">hidden</p>',
    '<p style="DISPLAY : NONE !important">hidden</p>',
    '<span style="visibility:hidden">hidden</span>',
    '<div hidden><strong>hidden</strong></div>',
    '<p style="color:red;display:none">hidden</p>',
    '<dialog><p>hidden</p></dialog>',
  ])('removes the hidden element %s with its content', (hidden) => {
    const out = render(`<p>shown</p>${hidden}`)
    expect(out.textContent).toBe('shown')
  })

  it('keeps the archive’s formatting', () => {
    const out = render(
      '<blockquote><p>digest</p></blockquote><p><strong>bold</strong> text</p>' +
        '<center><img src="http://img.example/a.jpg"></center>' +
        '<table><thead><tr><th>a</th></tr></thead><tbody><tr><td>1</td></tr></tbody></table>' +
        '<ul><li>x</li></ul><ol><li>y</li></ol><h2>h</h2><br><em>e</em><figure><figcaption>c</figcaption></figure>',
    )
    for (const sel of [
      'blockquote > p',
      'p > strong',
      'center > img[src="http://img.example/a.jpg"]',
      'table th',
      'table td',
      'ul > li',
      'ol > li',
      'h2',
      'br',
      'em',
      'figure > figcaption',
    ]) {
      expect(out.querySelector(sel), sel).not.toBeNull()
    }
  })

  it('keeps text that looks like markup as text', () => {
    const out = render('<p>涨幅 <1% &amp; 跌幅 >2%</p>')
    expect(out.textContent).toBe('涨幅 <1% & 跌幅 >2%')
  })
})

describe('the XSS corpus in jsdom', () => {
  const vectors = xssVectors()

  it('has at least 300 vectors, each calling a hooked function with its number', () => {
    expect(vectors.length).toBeGreaterThanOrEqual(300)
    for (const v of vectors) {
      const plain = v.html.replace(/base64,([A-Za-z0-9+/=]+)/, (_, b: string) => atob(b))
      expect(plain).toContain(String(v.id))
    }
    expect(new Set(vectors.map((v) => v.html)).size).toBe(vectors.length)
  })

  it('leaves no script, handler, script URL or clobbering name after sanitizing', () => {
    const leftovers = vectors.flatMap((v) =>
      dangerousIn(render(v.html), true).map((d) => `#${v.id} ${d}`),
    )
    expect(leftovers).toEqual([])
  }, 30_000)

  it('is idempotent on the corpus: sanitize(sanitize(x)) == sanitize(x)', () => {
    for (const v of vectors) {
      const once = sanitizeHtml(v.html, SOURCE)
      expect(sanitizeHtml(once, SOURCE), `vector ${v.id}`).toBe(once)
    }
  }, 30_000)
})

// Random documents built from the parts real and hostile articles are made of.
const TAGS = [
  'p',
  'strong',
  'a',
  'img',
  'blockquote',
  'center',
  'table',
  'tr',
  'td',
  'ul',
  'li',
  'span',
  'div',
  'svg',
  'math',
  'style',
  'script',
  'noscript',
  'textarea',
  'title',
  'select',
  'template',
  'form',
  'iframe',
  'mglyph',
  'mtext',
]
const ATTRS = [
  'href',
  'src',
  'style',
  'id',
  'name',
  'title',
  'onerror',
  'data-x',
  'width',
  'hidden',
]
const VALUES = [
  'x',
  '1',
  '../a.html',
  'javascript:alert(1)',
  'https://a.example/',
  'display:none',
  'width:1px;height:1px',
  '</style><img src=x onerror=alert(1)>',
  'user-content-x',
  '"><script>alert(1)</script>',
]
const attr = fc
  .tuple(fc.constantFrom(...ATTRS), fc.constantFrom(...VALUES))
  .map(([n, v]) => ` ${n}="${v.replace(/"/g, '&quot;')}"`)
const text = fc.constantFrom('text', '<', '&amp;', '&lt;b&gt;', ' ', '-->', '<!--', ']]>', '"')
const { node } = fc.letrec<{ node: string }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    text,
    fc
      .tuple(
        fc.constantFrom(...TAGS),
        fc.array(attr, { maxLength: 3 }),
        fc.array(tie('node'), { maxLength: 4 }),
        fc.boolean(),
      )
      .map(([t, a, kids, close]) => `<${t}${a.join('')}>${kids.join('')}${close ? `</${t}>` : ''}`),
  ),
}))

describe('sanitizing generated HTML', () => {
  it('is idempotent and leaves nothing dangerous', () => {
    fc.assert(
      fc.property(node, (html) => {
        const once = sanitizeHtml(html, SOURCE)
        expect(sanitizeHtml(once, SOURCE)).toBe(once)
        const div = document.createElement('div')
        div.innerHTML = once
        expect(dangerousIn(div, true)).toEqual([])
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 1000) },
    )
  }, 120_000)
})
