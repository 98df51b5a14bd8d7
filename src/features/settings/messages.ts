// The settings page's words: they load with the page, not with the first list (their English,
// messages.en.ts, with them when the reader chose English).
import { registerCatalog } from '../../lib/i18n.ts'

export const settingsMessages = {
  languageSetting: '界面语言',
  densitySetting: '列表',
  densityComfortable: '标题和摘要',
  densityCompact: '只显示标题（紧凑）',
  titleCountSetting: '在标签页标题中显示未读数',
  shortcutsSetting: '启用单键快捷键（按 ? 查看）',
  displaySettings: '显示',
  themeSetting: '主题',
  themeSystem: '跟随系统',
  themeLight: '浅色',
  themeDark: '深色',
  fontSizeSetting: '正文字号',
  fontSizes: ['小', '标准', '大', '特大'],
  lineHeightSetting: '行距',
  lineHeights: ['紧凑', '标准', '宽松'],
  timeZoneSetting: '时间显示',
  timeZoneArchive: '北京时间（资料的时区）',
  timeZoneBrowser: '本机时区',
  backupTitle: '备份与迁移',
  backupHint:
    '把设置、已读记录和收藏存成一个文件，可在另一个浏览器导入；导入时与现有数据合并，不会丢失现有数据。',
  backupExport: '导出全部数据',
  backupImport: '导入数据',
  backupExported: '已导出设置、已读记录和收藏。',
  backupImported: (imported: number, failed: number) =>
    failed === 0
      ? `已导入 ${imported} 项数据。`
      : `已导入 ${imported} 项，${failed} 项无法读取，已跳过。`,
  backupImportFailed: '无法导入：文件不是本应用导出的备份。',
} as const

await registerCatalog(settingsMessages, () =>
  import('./messages.en.ts').then((m) => m.settingsMessagesEn),
)
