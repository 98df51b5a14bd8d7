// The one message catalog of the interface (zh-CN). Every string a reader sees comes from here;
// numbers and dates go through Intl. Each feature adds its keys in its own section.
export const LOCALE = 'zh-CN'

export const messages = {
  // app shell
  appName: '新闻阅读',
  skipToContent: '跳到正文',

  // feed and lists (reader app)

  // articles (reader app)

  // reading state and favourites

  // security and broken feeds
} as const

export type MessageKey = keyof typeof messages
