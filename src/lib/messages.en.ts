// The interface catalog in English: loaded only when the reader chose English (src/lib/i18n.ts),
// typed as the Chinese one so that a missing key fails the build.
import type { Translation } from './i18n.ts'
import { messages } from './messages.ts'

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
export const plural = (n: string, one: string, many = `${one}s`) => `${n} ${n === '1' ? one : many}`

export const messagesEn: Translation<typeof messages> = {
  locale: 'en',
  // app shell
  appName: 'News Reader',
  skipToContent: 'Skip to content',

  // feed and lists (reader app)
  navLatest: 'Latest',
  navCategories: 'Categories',
  navFavourites: 'Starred',
  mainNav: 'Main',
  footerNote: 'Content comes from the feed; article text is sanitized before it is shown.',
  latestTitle: 'Latest articles',
  categoryTitle: (name: string) => `Source: ${name}`,
  tagTitle: (tag: string) => `Tag: ${tag}`,
  listLabel: (title: string) => `${title} list`,
  loading: 'Loading…',
  loadingList: 'Loading the article list…',
  loadMore: 'Load more',
  loadingMore: 'Loading more…',
  endOfList: 'You have reached the end',
  emptyList: 'No articles here yet.',
  emptyFeed: 'This feed has no articles at the moment.',
  retry: 'Retry',
  newItems: (n: string) => plural(n, 'new item'),
  hiddenItems: (n: number, shown: boolean) =>
    shown ? `Showing ${n} muted ${n === 1 ? 'article' : 'articles'}` : `${n} hidden`,
  reveal: 'Show',
  hide: 'Hide',
  muted: 'Muted',
  skippedItems: (skipped: number, repaired: number) =>
    [
      skipped > 0 ? `${skipped} could not be shown and were skipped` : '',
      repaired > 0 ? `${repaired} repaired` : '',
    ]
      .filter(Boolean)
      .join(', '),
  source: 'Source',
  tags: 'Tags',
  categoriesTitle: 'All categories',
  sources: 'Sources',
  allSources: 'All sources',
  pickArticle: 'Choose an article from the list.',
  readingPane: 'Reading pane',
  articleCount: (n: string) => plural(n, 'article'),
  notFound: {
    article: {
      title: 'This article does not exist',
      text: 'The link may be out of date, or the article was removed.',
    },
    category: {
      title: 'Source not found',
      text: 'The feed has no such source; the link may be out of date.',
    },
    tag: {
      title: 'Tag not found',
      text: 'No article in the feed has this tag; the link may be out of date.',
    },
    page: {
      title: 'Page not found',
      text: 'The link may be out of date, or the page was removed.',
    },
  },
  backHome: 'Back to the home page',
  backToList: 'Back to the list',
  allCategories: 'See all categories',
  errorTitle: 'Something went wrong',
  errorText: 'The page could not be shown.',
  reload: 'Reload',
  favouritesTitle: 'Starred',
  feedError: {
    'not-json': 'The feed is not a valid JSON file and cannot be read.',
    'not-a-feed': 'This file is not a JSON Feed.',
    'bad-version': 'This version of the feed format is not supported.',
    'bad-items': 'The feed’s list of articles is malformed.',
    http: 'The server had a problem; please try again later.',
    offline: 'No network connection; check it and try again.',
    loop: 'The feed’s pages loop back on themselves; loading stopped.',
    'cross-origin': 'The feed points to another site; loading was refused.',
    'not-found': 'Feed or article not found (404).',
  },
  feedTimeout: (seconds: number) =>
    `Loading timed out (over ${seconds} seconds); check the network and try again.`,
  httpStatus: (status: number) => ` (HTTP ${status})`,
  unknownError: 'Loading failed; please try again.',

  today: 'Today',
  yesterday: 'Yesterday',
  weekdays: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
  beijingTime: ' (Beijing time)',
  monthDay: (month: number, day: number) => `${MONTHS[month - 1] ?? month} ${day}`,
  fullDate: (year: string, month: number, day: number) =>
    `${MONTHS[month - 1] ?? month} ${day}, ${year}`,
  dayHeading: (monthDay: string, weekday: string) => `${weekday}, ${monthDay}`,
  withYear: (label: string, year: string) => `${label}, ${year}`,

  // articles (reader app)
  articleTitle: 'Article',
  readingTime: (minutes: number) => `${Math.max(1, minutes)} min read`,
  loadingBody: 'Loading the article…',
  noBody: 'This article has no text.',
  originalLink: 'Read the original',
  opensNewWindow: ' (opens in a new window)',
  share: 'Share',
  copied: 'Link copied',
  copyFailed: 'Could not copy; copy the link from the address bar',
  previous: 'Previous',
  next: 'Next',
  articleNav: 'Previous and next articles',
  by: (names: string) => `By ${names}`,
  listSeparator: ', ',

  // keyboard
  close: 'Close',

  // display settings
  compact: 'Compact',
  settingsTitle: 'Settings',
  navSettings: 'Settings',

  // reading state and favourites
  readToggle: 'Read',
  readToggleHintRead: 'Mark as unread',
  readToggleHintUnread: 'Mark as read',
  unreadOnly: 'Unread only',
  markAllRead: 'Mark all as read',
  markAllReadMenu: 'Mark as read',
  markOlderThanDay: 'Mark older than a day as read',
  markOlderThanWeek: 'Mark older than a week as read',
  unreadCount: (count: string) => `${count} unread`,
  clauseSeparator: ', ',
  unread: 'Unread',
  marking: 'Marking…',
  markedRead: (count: string) => `Marked ${plural(count, 'article')} as read`,
  undo: 'Undo',
  noUnread: 'No unread articles',
  showAll: 'Show all',
  markRestRead: 'Mark the rest as read',
  allRead: 'All read',
  favourite: 'Star',
  favouritesListLabel: 'Starred articles',
  favouritesImportUnreadable: 'Cannot import: the file could not be read.',
  storageCorrupt: 'Some saved data was damaged and has been backed up; the rest works as usual.',
  storageCorruptBackup: 'Backup kept at: ',
  storagePruned: (count: string) =>
    `Storage is full: the oldest read marks (${count}) were cleared; starred articles are untouched.`,
  storageUnavailable: 'Browser storage is unavailable; this change will not be saved.',
  storageNotSaved: 'Storage is full or cannot be written; this change will not be saved.',
  storageDismiss: 'Got it',

  // search (features/search)
  navSearch: 'Search',
  searchLabel: 'Search articles',
  searchLandmark: 'Site search',
  searchPlaceholder: 'Search all articles',
  searchSubmit: 'Search',
  // offline and install
  offlineBanner: 'You are offline; saved content is shown.',
  offlineTitle: 'Offline',
  offlineNotCached: 'You are offline and this has not been saved on this device; try again online.',
  updateAvailable: 'A new version is available',
  updateReload: 'Reload',
  // Sizes are written alike in both languages.
}
