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
  muteTitle: '屏蔽',
  mutedWords: '屏蔽词',
  mutedWordsHint:
    '每行一个。标题含有其中任何一个词的文章不出现在列表和未读数中（不区分大小写和全角半角），列表上方会提示“N 条已隐藏”，可点“显示”查看。',
  mutedSources: '屏蔽来源',
  mutedSourcesHint: '每行一个来源名称（如文章信息中显示的来源），来自这些来源的文章同样隐藏。',
  muteBody: '也在正文中查找屏蔽词（列表中只有摘要时查找摘要）',
  muteCount: (n: number, max: number) => `已屏蔽 ${n} 项（最多 ${max} 项，每项不超过 100 字）`,
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
  // offline reading (the article cache)
  offlineSettings: '离线阅读',
  cacheLimitSetting: '离线保存的文章（最早的先删除，收藏的文章一直保留）',
  cacheLimitOption: (n: string) => `${n} 篇`,
  cacheUsage: (articles: string, favourites: string, pages: string, size: string) =>
    `已保存 ${articles} 篇文章、${favourites} 篇收藏和 ${pages} 个列表页，共 ${size}。`,
  cacheUsageLoading: '正在统计离线缓存…',
  cacheUnavailable: '这个浏览器不能离线保存内容。',
  cacheClear: '清除缓存',
  cacheCleared: '缓存已清除，收藏的文章仍可离线阅读。',
  cacheClearFailed: '无法清除缓存，请重试。',
  bytes: (n: number) =>
    n < 1_000_000 ? `${Math.max(0, Math.round(n / 1_000))} KB` : `${(n / 1_000_000).toFixed(1)} MB`,
  favouritesSettings: '阅读设置',
} as const

await registerCatalog(settingsMessages, () =>
  import('./messages.en.ts').then((m) => m.settingsMessagesEn),
)
