// The shortcuts dialog's words: they load with the dialog, not with the first list (their English,
// messages.en.ts, with them when the reader chose English).
import { registerCatalog } from '../../lib/i18n.ts'

export const keyboardMessages = {
  shortcutsTitle: '键盘快捷键',
  shortcuts: [
    ['j k', '下一篇 / 上一篇'],
    ['o Enter', '打开文章'],
    ['v', '在新窗口打开原文'],
    ['m', '标为已读 / 未读'],
    ['s f', '收藏 / 取消收藏'],
    ['u', '只看未读'],
    ['A', '全部标为已读（Shift+A）'],
    ['r', '载入新消息'],
    ['/', '搜索'],
    ['g h', '回到首页'],
    ['g c', '全部分类'],
    ['g f', '收藏'],
    ['g s', '设置'],
    ['?', '显示这份列表'],
    ['Esc', '关闭'],
  ] as const,
  shortcutsOff: '在“设置”中可以关闭快捷键。',
} as const

await registerCatalog(keyboardMessages, () =>
  import('./messages.en.ts').then((m) => m.keyboardMessagesEn),
)
