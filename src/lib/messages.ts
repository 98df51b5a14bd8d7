// The message catalog of the interface, in Chinese (its English is messages.en.ts, loaded only for
// a reader who chose English). Every string a reader sees comes from here or a page's own catalog;
// numbers go through Intl in `locale`. Each feature adds its keys in its own section.
import { registerCatalog } from './i18n.ts'

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n))

export const messages = {
  /** The locale of Intl's numbers and relative times. */
  locale: 'zh-CN',
  // app shell
  appName: '新闻阅读',
  skipToContent: '跳到正文',

  // feed and lists (reader app)
  navLatest: '最新',
  navCategories: '分类',
  navFavourites: '收藏',
  mainNav: '主导航',
  footerNote: '内容来自订阅源，正文经过安全过滤后显示。',
  latestTitle: '最新文章',
  categoryTitle: (name: string) => `来源：${name}`,
  tagTitle: (tag: string) => `标签：${tag}`,
  listLabel: (title: string) => `${title}列表`,
  loading: '正在加载…',
  loadingList: '正在加载文章列表…',
  loadMore: '加载更多',
  loadingMore: '正在加载更多…',
  endOfList: '已经到底了',
  emptyList: '这里还没有文章。',
  emptyFeed: '这个订阅源目前没有文章。',
  retry: '重试',
  newItems: (n: string) => `${n} 条新消息`,
  skippedItems: (skipped: number, repaired: number) =>
    [skipped > 0 ? `${skipped} 条无法显示已跳过` : '', repaired > 0 ? `${repaired} 条已修复` : '']
      .filter(Boolean)
      .join('，'),
  hiddenItems: (n: number, shown: boolean) =>
    shown ? `已显示 ${n} 条屏蔽的文章` : `${n} 条已隐藏`,
  reveal: '显示',
  hide: '隐藏',
  muted: '已屏蔽',
  source: '来源',
  tags: '标签',
  categoriesTitle: '全部分类',
  sources: '来源',
  allSources: '全部来源',
  pickArticle: '在左侧列表中选择一篇文章。',
  readingPane: '阅读区',
  articleCount: (n: string) => `${n} 篇`,
  notFound: {
    article: { title: '这篇文章不存在', text: '链接可能已失效，或者文章已被移除。' },
    category: { title: '找不到这个来源', text: '订阅源里没有这个来源，链接可能已失效。' },
    tag: { title: '找不到这个标签', text: '订阅源里没有带这个标签的文章，链接可能已失效。' },
    page: { title: '找不到这个页面', text: '链接可能已失效，或者页面已被移除。' },
  },
  backHome: '返回首页',
  backToList: '返回列表',
  allCategories: '查看全部分类',
  errorTitle: '出了点问题',
  errorText: '页面没能正常显示。',
  reload: '重新加载',
  favouritesTitle: '收藏',
  feedError: {
    'not-json': '订阅源不是有效的 JSON 文件，无法读取。',
    'not-a-feed': '这个文件不是 JSON Feed 订阅源。',
    'bad-version': '不支持这个订阅源的格式版本。',
    'bad-items': '订阅源的文章列表格式有误。',
    http: '服务器暂时出错，请稍后重试。',
    offline: '无法连接网络，请检查网络后重试。',
    loop: '订阅源的分页出现循环，已停止加载。',
    'cross-origin': '订阅源指向其他网站，已拒绝加载。',
    'not-found': '找不到这个订阅源或文章（404）。',
  },
  feedTimeout: (seconds: number) => `加载超时（超过 ${seconds} 秒），请检查网络后重试。`,
  httpStatus: (status: number) => `（HTTP ${status}）`,
  unknownError: '加载失败，请重试。',

  today: '今天',
  yesterday: '昨天',
  weekdays: ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'],
  beijingTime: '（北京时间）',
  monthDay: (month: number, day: number) => `${month}月${day}日`,
  fullDate: (year: string, month: number, day: number) => `${year}/${pad2(month)}/${pad2(day)}`,
  dayHeading: (monthDay: string, weekday: string) => `${monthDay} ${weekday}`,
  withYear: (label: string, year: string) => `${year}年${label}`,

  // articles (reader app)
  articleTitle: '文章',
  readingTime: (minutes: number) => `约 ${Math.max(1, minutes)} 分钟读完`,
  loadingBody: '正在加载正文…',
  noBody: '这篇文章没有正文。',
  originalLink: '阅读原文',
  opensNewWindow: '（在新窗口打开）',
  share: '分享',
  copied: '链接已复制',
  copyFailed: '无法复制，请手动复制地址栏中的链接',
  previous: '上一篇',
  next: '下一篇',
  articleNav: '前后文章',
  by: (names: string) => `作者：${names}`,
  listSeparator: '、',

  // keyboard
  close: '关闭',

  // display settings
  compact: '紧凑',
  settingsTitle: '设置',
  navSettings: '设置',

  // reading state and favourites
  readToggle: '已读',
  readToggleHintRead: '标为未读',
  readToggleHintUnread: '标为已读',
  unreadOnly: '只看未读',
  markAllRead: '全部标为已读',
  markAllReadMenu: '标为已读',
  markOlderThanDay: '一天前的标为已读',
  markOlderThanWeek: '一周前的标为已读',
  unreadCount: (count: string) => `${count} 篇未读`,
  clauseSeparator: '，',
  unread: '未读',
  marking: '正在标记…',
  markedRead: (count: string) => `已将 ${count} 篇标为已读`,
  undo: '撤销',
  noUnread: '没有未读文章',
  showAll: '显示全部',
  markRestRead: '将其余标为已读',
  allRead: '全部已读',
  favourite: '收藏',
  favouritesListLabel: '收藏的文章',
  favouritesImportUnreadable: '无法导入：读取不了这个文件。',
  storageCorrupt: '保存的数据有误，已备份，其余数据照常可用。',
  storageCorruptBackup: '备份位置：',
  storagePruned: (count: string) => `存储已满，已清理最早的已读记录（${count} 条），收藏不受影响。`,
  storageUnavailable: '浏览器存储不可用，本次更改不会保存。',
  storageNotSaved: '存储已满或无法写入，本次更改不会保存。',
  storageDismiss: '知道了',

  // search (features/search)
  navSearch: '搜索',
  searchLabel: '搜索文章',
  searchLandmark: '全站搜索',
  searchPlaceholder: '搜索全部文章',
  searchSubmit: '搜索',
  // offline and install
  offlineBanner: '当前离线，显示的是已缓存的内容。',
  offlineTitle: '当前离线',
  offlineNotCached: '当前离线，这部分内容还没有保存到本机，联网后再试。',
  updateAvailable: '新版本可用',
  updateReload: '重新加载',
} as const

void registerCatalog(messages, () => import('./messages.en.ts').then((m) => m.messagesEn))
