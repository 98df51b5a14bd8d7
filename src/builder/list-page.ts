// The first page of a list (the home list, a source) as static HTML: the markup the app's list
// page renders for a reader with nothing read yet, so the app takes it over without a shift.
import type { BundleListItem } from '../shared/feed-bundle.ts'
import { escapeHtml, fillShell, type Shell } from './html.ts'
import {
  TEXT,
  absolute,
  articleHref,
  categoryHref,
  fullTime,
  layout,
  sourceName,
  type SiteInfo,
} from './html-pages.ts'

const HOUR = 3_600_000
const DAY = 24 * HOUR
const WEEKDAYS = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六']
/** The archive's wall clock (UTC+8, fixed since 1992) of an instant: [y, m, d, hh:mm, day number]. */
function wall(ms: number): [number, number, number, string, number] {
  const d = new Date(ms + 8 * HOUR)
  const p = (n: number) => String(n).padStart(2, '0')
  return [
    d.getUTCFullYear(),
    d.getUTCMonth() + 1,
    d.getUTCDate(),
    `${p(d.getUTCHours())}:${p(d.getUTCMinutes())}`,
    Math.floor((ms + 8 * HOUR) / DAY),
  ]
}

/**
 * A list item's time and its day's heading as the app writes them (lib/format.ts) for a reader
 * whose clock is `now`: the list's newest article, so the same items give the same bytes (the
 * app then writes them for the reader's own clock, on the same one line).
 */
function listTime(ms: number, now: number): string {
  const [y, m, d, hm, day] = wall(ms)
  const [ny, , , , today] = wall(now)
  const p = (n: number) => String(n).padStart(2, '0')
  if (day === today) return hm
  if (day === today - 1) return `昨天 ${hm}`
  return y === ny ? `${m}月${d}日 ${hm}` : `${y}/${p(m)}/${p(d)}`
}
function dayLabel(ms: number, now: number): string {
  const [y, m, d, , day] = wall(ms)
  const [ny, , , , today] = wall(now)
  if (day === today) return '今天'
  if (day === today - 1) return '昨天'
  const label = `${m}月${d}日 ${WEEKDAYS[(day + 4) % 7]!}`
  return y === ny ? label : `${y}年${label}`
}

export type ListPageOptions = {
  /** The list's path in the app: `/`, `/category/<slug>`. */
  path: string
  /** `from` of its article links (`all`, `category:<slug>`), as the app's articlePath writes it. */
  from: string
  /** The heading (最新文章, 来源：…) and the document title. */
  heading: string
  title: string
  description: string
  /** The list's own Atom feed, absolute. */
  atom: string
  items: readonly BundleListItem[]
  /** Items in the whole list (aria-setsize). */
  total: number
}

/** One list item as ArticleListItem renders it for a reader with nothing read yet. */
function listItem(
  site: SiteInfo,
  item: BundleListItem,
  k: number,
  o: ListPageOptions,
  now: number,
  day?: string,
): string {
  const ms = Date.parse(item.date_published)
  const href = `${articleHref(site, item.id)}?${new URLSearchParams({ from: o.from }).toString()}`
  const titleId = `item-${k}`
  const tab = k === 0 ? '' : ' tabindex="-1"'
  return (
    `<article class="item" data-id="${escapeHtml(item.id)}"` +
    (item.external_url ? ` data-original="${escapeHtml(item.external_url)}"` : '') +
    ` aria-posinset="${k + 1}" aria-setsize="${o.total}" aria-labelledby="${titleId}" tabindex="${k === 0 ? 0 : -1}">` +
    (day ? `<p class="day" aria-hidden="true">${escapeHtml(day)}</p>` : '') +
    `<span class="read-marker"><span class="visually-hidden">未读</span></span>` +
    `<h2 id="${titleId}" class="item-title"><a href="${escapeHtml(href)}"${tab}>${escapeHtml(item.title)}</a></h2>` +
    (item.summary ? `<p class="summary">${escapeHtml(item.summary)}</p>` : '') +
    `<div class="item-foot"><p class="meta">` +
    (sourceName(item) !== null && item._reader?.category
      ? `<a class="source" href="${escapeHtml(categoryHref(site, item._reader.category))}"${tab}>${escapeHtml(sourceName(item))}</a>`
      : '') +
    (Number.isNaN(ms)
      ? ''
      : `<time datetime="${escapeHtml(item.date_published)}" title="${escapeHtml(fullTime(item.date_published))}">${escapeHtml(listTime(ms, now))}</time>`) +
    `</p><div class="actions"><button type="button" class="read-toggle" aria-pressed="false" title="标为已读"${tab}>已读</button>` +
    `<button type="button" class="favourite-toggle" aria-pressed="false"${tab}><span aria-hidden="true">☆</span> 收藏</button></div></div>` +
    `</article>`
  )
}

/** A list's first page (the home list, a source) as the app's list page renders it. */
export function listPage(shell: Shell, site: SiteInfo, o: ListPageOptions): string {
  const url = absolute(site, o.path === '/' ? site.base : `${site.base}${o.path.slice(1)}`)
  const now = o.items.reduce((n, i) => Math.max(n, Date.parse(i.date_published) || 0), 0)
  let lastDay: number | undefined
  const items = o.items
    .map((item, k) => {
      const ms = Date.parse(item.date_published)
      const day = Number.isNaN(ms) ? undefined : wall(ms)[4]
      const label = day !== undefined && day !== lastDay ? dayLabel(ms, now) : undefined
      lastDay = day
      return listItem(site, item, k, o, now, label)
    })
    .join('')
  const m = (attr: 'name' | 'property', key: string, value: string) =>
    `    <meta ${attr}="${key}" content="${escapeHtml(value)}" />\n`
  const headTags =
    m('name', 'description', o.description) +
    `    <link rel="canonical" href="${escapeHtml(url)}" />\n` +
    `    <link rel="alternate" type="application/atom+xml" title="${escapeHtml(TEXT.atomTitle(o.title))}" href="${escapeHtml(o.atom)}" />\n` +
    m('property', 'og:type', 'website') +
    m('property', 'og:site_name', site.title) +
    m('property', 'og:title', o.title) +
    m('property', 'og:description', o.description) +
    m('property', 'og:url', url) +
    m('property', 'og:locale', 'zh_CN') +
    m('name', 'twitter:card', 'summary') +
    '  '
  const main =
    `<div class="list-head"><h1>${escapeHtml(o.heading)}</h1><button type="button" class="density-toggle" aria-pressed="false">紧凑</button></div>` +
    `<div class="list-tools"><label class="unread-only"><input role="switch" type="checkbox">只看未读</label>` +
    `<span class="unread-count">${o.total} 篇未读</span>` +
    `<details class="mark-all-read"><summary>标为已读</summary><div role="group" aria-label="标为已读" aria-busy="false">` +
    `<button type="button">全部标为已读</button><button type="button">一天前的标为已读</button><button type="button">一周前的标为已读</button></div></details></div>` +
    `<div class="live" aria-live="polite"></div>` +
    `<div class="feed" role="feed" aria-busy="false" aria-label="${escapeHtml(`${o.heading}列表`)}">${items}</div>` +
    (o.items.length < o.total
      ? `<div class="load-more"><button type="button">加载更多</button></div>`
      : '')
  const title = o.title === TEXT.appName ? o.title : `${o.title} · ${TEXT.appName}`
  return fillShell(shell, o.path, title, headTags, layout(site, main, o.path))
}
