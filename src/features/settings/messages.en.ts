// The settings page's words in English (loaded with the page when the reader chose English).
import type { Translation } from '../../lib/i18n.ts'
import { plural } from '../../lib/messages.en.ts'
import type { settingsMessages } from './messages.ts'

export const settingsMessagesEn: Translation<typeof settingsMessages> = {
  languageSetting: 'Interface language',
  densitySetting: 'Lists',
  densityComfortable: 'Titles and summaries',
  densityCompact: 'Titles only (compact)',
  titleCountSetting: 'Show the unread count in the tab title',
  shortcutsSetting: 'Single-key shortcuts (press ? to see them)',
  displaySettings: 'Display',
  themeSetting: 'Theme',
  themeSystem: 'As the system',
  themeLight: 'Light',
  themeDark: 'Dark',
  fontSizeSetting: 'Article text size',
  fontSizes: ['Small', 'Standard', 'Large', 'Extra large'],
  lineHeightSetting: 'Line spacing',
  lineHeights: ['Tight', 'Standard', 'Loose'],
  timeZoneSetting: 'Times shown in',
  timeZoneArchive: 'Beijing time (the archive’s time zone)',
  timeZoneBrowser: 'This device’s time zone',
  backupTitle: 'Backup and transfer',
  backupHint:
    'Save settings, read marks and starred articles in one file to import in another browser; importing merges with what is here and loses nothing.',
  backupExport: 'Export all data',
  backupImport: 'Import data',
  backupExported: 'Settings, read marks and starred articles exported.',
  backupImported: (imported: number, failed: number) =>
    failed === 0
      ? `Imported ${imported} ${imported === 1 ? 'item' : 'items'}.`
      : `Imported ${imported}; ${failed} could not be read and were skipped.`,
  backupImportFailed: 'Cannot import: the file is not a backup exported by this app.',
  muteTitle: 'Muted',
  mutedWords: 'Muted words',
  mutedWordsHint:
    'One a line. Articles whose title holds any of them (case and width ignored) are left out of lists and unread counts; a note above the list says “N hidden” and Show reveals them.',
  mutedSources: 'Muted sources',
  mutedSourcesHint:
    'One source name a line (as an article’s source shows it): articles from them are hidden too.',
  muteBody: 'Also look for muted words in the text (the summary, where a list has only that)',
  muteCount: (n: number, max: number) =>
    `${plural(String(n), 'entry', 'entries')} muted (at most ${max}, each up to 100 characters)`,
  favouritesSettings: 'Reading',
  offlineSettings: 'Offline reading',
  cacheLimitSetting:
    'Articles kept for offline reading (oldest removed first, starred always kept)',
  cacheLimitOption: (n: string) => plural(n, 'article'),
  cacheUsage: (articles: string, favourites: string, pages: string, size: string) =>
    `Saved ${plural(articles, 'article')}, ${plural(favourites, 'starred')} and ${plural(pages, 'list page')}: ${size} in all.`,
  cacheUsageLoading: 'Measuring the offline cache…',
  cacheUnavailable: 'This browser cannot keep content for offline reading.',
  cacheClear: 'Clear cache',
  cacheCleared: 'Cache cleared; starred articles stay available offline.',
  cacheClearFailed: 'Could not clear the cache; please try again.',
  // Sizes are written alike in both languages.
  bytes: (n: number) =>
    n < 1_000_000 ? `${Math.max(0, Math.round(n / 1_000))} KB` : `${(n / 1_000_000).toFixed(1)} MB`,
}
