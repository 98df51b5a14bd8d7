// The favourites page's words (its list, export and import): they load with the page.
import { registerCatalog } from '../../lib/i18n.ts'

export const favouritesMessages = {
  favouritesEmpty: '还没有收藏。点文章旁的“收藏”按钮，文章就会保存在这里。',
  favouritedAt: '收藏于',
  favouritesExport: '导出收藏',
  favouritesImport: '导入收藏',
  favouritesImported: (added: number, skipped: number) =>
    `已导入 ${added} 篇${skipped > 0 ? `，${skipped} 篇已在收藏中，未重复添加` : ''}。`,
  favouritesImportFailed: '无法导入：文件不是本应用导出的收藏。',
  favouritesExported: (count: string) => `已导出 ${count} 篇收藏。`,
  favouritesTransfer: '导入和导出',
  favouritesFilter: '筛选收藏',
  favouritesCount: (shown: string, total: string) =>
    shown === total ? `共 ${total} 篇收藏` : `显示 ${shown} / ${total} 篇收藏`,
  favouritesNoMatch: '没有匹配的收藏。',
} as const

await registerCatalog(favouritesMessages, () =>
  import('./messages.en.ts').then((m) => m.favouritesMessagesEn),
)
