// What each single-key shortcut does, on the page as it is: the list's current item (the one in
// the tab order, or the one holding focus) or the article on screen. Acting through the page's
// own controls keeps one code path for a click and a key.

const FEED_ITEMS = '[role="feed"] > article'

function items(): HTMLElement[] {
  return [...document.querySelectorAll<HTMLElement>(FEED_ITEMS)]
}

/** The list item the reader is on: the focused one, else the one in the tab order. */
function currentItem(): HTMLElement | null {
  const focused = document.activeElement?.closest<HTMLElement>(FEED_ITEMS)
  return focused ?? document.querySelector<HTMLElement>(`${FEED_ITEMS}[tabindex="0"]`)
}

const position = (el: HTMLElement | null) => Number(el?.getAttribute('aria-posinset') ?? 0)

function focusItem(el: HTMLElement) {
  el.focus()
  el.scrollIntoView({ block: 'nearest' })
}

/** The article view's own controls, outside any list. */
const articleView = () => document.querySelector<HTMLElement>('article.article')

function click(el: Element | null | undefined): boolean {
  if (!(el instanceof HTMLElement)) return false
  el.click()
  return true
}

/** Next (+1) or previous (-1): the list's item, or in an article the next or previous article. */
export function move(step: 1 | -1): boolean {
  const list = items()
  if (list.length > 0) {
    const here = currentItem()
    const focused = here?.contains(document.activeElement) ?? false
    // The first key from outside the list lands on its current item.
    const target = !focused
      ? here
      : (document.querySelector<HTMLElement>(
          `${FEED_ITEMS}[aria-posinset="${position(here) + step}"]`,
        ) ?? null)
    if (target) {
      focusItem(target)
      return true
    }
    // Past the last loaded item: load more.
    return step === 1 && click(document.querySelector('.load-more button:not(:disabled)'))
  }
  return click(articleView()?.querySelector(step === 1 ? 'a[rel="next"]' : 'a[rel="prev"]'))
}

export function open(): boolean {
  return click(currentItem()?.querySelector('.item-title a'))
}

export function openOriginal(): boolean {
  const url =
    currentItem()?.dataset.original ??
    articleView()?.querySelector<HTMLAnchorElement>('.article-footer a[target="_blank"]')?.href
  if (!url) return false
  window.open(url, '_blank', 'noopener,noreferrer')
  return true
}

const control = (selector: string) =>
  click((currentItem() ?? articleView())?.querySelector(`${selector}:not(.placeholder)`))

export const toggleRead = () => control('.read-toggle')
export const toggleFavourite = () => control('.favourite-toggle')

export function toggleUnreadOnly(): boolean {
  return click(document.querySelector('.unread-only input'))
}

export function markAllRead(): boolean {
  const menu = document.querySelector<HTMLDetailsElement>('details.mark-all-read')
  if (!menu) return false
  menu.open = true
  return click(menu.querySelector('button'))
}

export function refresh(): boolean {
  return click(document.querySelector('button.new-items'))
}

export function focusSearch(): boolean {
  const box = document.querySelector<HTMLInputElement>('input[type="search"]')
  if (!box) return false
  box.focus()
  box.select()
  return true
}
