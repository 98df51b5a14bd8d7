// The settings page's words in English (loaded with the page when the reader chose English).
import type { Translation } from '../../lib/i18n.ts'
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
}
