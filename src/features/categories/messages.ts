// The categories page's words (its filter and counts): they load with the page.
import { registerCatalog } from '../../lib/i18n.ts'

export const categoriesMessages = {
  categoriesFilter: '筛选分类',
  categoriesCount: (shown: string, total: string) =>
    shown === total ? `共 ${total} 个分类` : `显示 ${shown} / ${total} 个分类`,
  categoriesNone: '这个订阅源没有分类目录。',
  categoriesNoMatch: '没有匹配的分类。',
} as const

await registerCatalog(categoriesMessages, () =>
  import('./messages.en.ts').then((m) => m.categoriesMessagesEn),
)
