// The search page's words: they load with the page, not with the first list (the header's box
// takes its few from the app's catalog, src/lib/messages.ts). Their English, messages.en.ts, comes
// with them when the reader chose English.
import { registerCatalog } from '../../lib/i18n.ts'

export const searchMessages = {
  searchTitle: '搜索',
  searchResultsTitle: (q: string) => `搜索：${q}`,
  searchResultsLabel: '搜索结果',
  searchSearching: '正在搜索…',
  searchCounting: (n: string) => `已找到 ${n} 篇，仍在统计…`,
  searchCounted: (n: string) => `共 ${n} 篇`,
  searchNoResults: (q: string) => `没有找到包含“${q}”的文章。`,
  searchNoResultsHint: '试试更短的词，或去掉筛选条件。',
  searchEmpty:
    '输入要找的字词，按回车搜索。多个词用空格分开（同时包含），“-词”排除，"带 空格"的短语用引号。',
  searchUnclosedQuote: '引号没有配对：请补上结尾的 "。',
  searchOnlyExclusions: '只有排除的词：请至少写一个要找的词。',
  searchTooLong: '搜索内容太长：最多 200 个字、10 个词。',
  searchNoIndex:
    '这个订阅源没有搜索索引，暂时无法搜索。请用新版构建工具重新生成（npm run feed -- build）。',
  searchCorrupt: '搜索索引已损坏或不完整，无法完成搜索。',
  searchOffline: '无法连接，搜索没有完成。',
  searchFilters: '筛选',
  searchCategory: '来源（分类代码）',
  searchTag: '标签',
  searchFrom: '起始日期',
  searchTo: '截止日期',
  searchApply: '应用筛选',
  searchClearFilters: '清除筛选',
  searchIgnored: '网址中的部分筛选条件无效，已忽略。',
} as const

await registerCatalog(searchMessages, () =>
  import('./messages.en.ts').then((m) => m.searchMessagesEn),
)
