// A static article page's early body: the body from the content file the page preloads, sanitized,
// in place of the summary; handed to the app; nothing at all when the page or the file is not what
// it should be.
import { afterEach, describe, expect, it, vi } from 'vitest'

const ID = '202601010800000001'
const FILE = `/feed/content/${ID}.json`
type EarlyWindow = { newsReaderEarlyContent?: { url: string; json: Promise<unknown> } | null }

/** The builder's markup of an article page, its content file preloaded. */
function staticPage(preloadId = ID) {
  document.head.innerHTML = `<link rel="preload" href="${FILE}" as="fetch" crossorigin data-article="${preloadId}">`
  document.body.innerHTML =
    '<main><article class="article" data-static aria-labelledby="article-title"><header>' +
    '<h1 id="article-title">标题</h1></header><p class="summary">摘要</p>' +
    '<footer class="article-footer"><a href="https://source.example/a">阅读原文</a></footer>' +
    '</article></main>'
}

/** Serves the content file with `item`; returns the paths asked for. */
function serve(item: unknown, status = 200) {
  const asked: string[] = []
  vi.stubGlobal(
    'fetch',
    vi.fn((input: URL | string) => {
      asked.push(new URL(input, window.location.href).pathname)
      return Promise.resolve(new Response(JSON.stringify(item), { status }))
    }),
  )
  return asked
}

/** Runs the module as the page would, and waits for what it does. */
async function run() {
  vi.resetModules()
  await import('./early-body.ts')
  await new Promise((r) => setTimeout(r, 20))
}

const item = (html: string, id = ID) => ({
  id,
  url: `https://reader.example/article/${id}`,
  external_url: 'https://source.example/news/1.html',
  title: '标题',
  content_html: html,
})

afterEach(() => {
  vi.unstubAllGlobals()
  delete (window as EarlyWindow).newsReaderEarlyContent
  document.head.innerHTML = ''
  document.body.innerHTML = ''
})

describe('the early body of a static article page', () => {
  it('puts the sanitized body in place of the summary and hands the response to the app', async () => {
    staticPage()
    const asked = serve(
      item(
        '<p>正文<a href="2.html">下一段</a></p><img src="x" onerror="alert(1)"><script>1</script>',
      ),
    )
    await run()
    const body = document.querySelector('article[data-static] > .body')
    expect(body?.textContent).toBe('正文下一段')
    expect(body?.querySelector('script, [onerror]')).toBeNull()
    // Relative links resolve against the original article, as in the app.
    expect(body?.querySelector('a')?.getAttribute('href')).toBe(
      'https://source.example/news/2.html',
    )
    expect(document.querySelector('.summary')).toBeNull()
    expect(body?.nextElementSibling?.tagName).toBe('FOOTER')
    expect(asked).toEqual([FILE])
    const early = (window as EarlyWindow).newsReaderEarlyContent
    expect(early?.url).toBe(new URL(FILE, window.location.href).href)
    expect(await early?.json).toEqual(expect.objectContaining({ id: ID }))
  })

  it('leaves the page as it is for another article, a failed or empty file', async () => {
    for (const [preloadId, answer, status] of [
      ['another', item('<p>正文</p>'), 200],
      [ID, item('<p>另一篇</p>', 'another'), 200],
      [ID, item('<p>正文</p>'), 404],
      [ID, item('  '), 200],
      [ID, 'not an item', 200],
    ] as const) {
      staticPage(preloadId)
      serve(answer, status)
      await run()
      expect(document.querySelector('.body')).toBeNull()
      expect(document.querySelector('.summary')?.textContent).toBe('摘要')
    }
  })

  it('leaves the file to the app when the app has asked for it first', async () => {
    staticPage()
    ;(window as EarlyWindow).newsReaderEarlyContent = null
    const asked = serve(item('<p>正文</p>'))
    await run()
    expect(asked).toEqual([])
    expect(document.querySelector('.summary')?.textContent).toBe('摘要')
  })

  it('does nothing once the app has rendered its own article', async () => {
    staticPage()
    document.querySelector('article')?.removeAttribute('data-static')
    const asked = serve(item('<p>正文</p>'))
    await run()
    expect(asked).toEqual([])
    expect(document.querySelector('.body')).toBeNull()
  })
})
