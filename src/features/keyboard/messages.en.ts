// The shortcuts dialog's words in English (loaded with the dialog when the reader chose English).
import type { Translation } from '../../lib/i18n.ts'
import type { keyboardMessages } from './messages.ts'

export const keyboardMessagesEn: Translation<typeof keyboardMessages> = {
  shortcutsTitle: 'Keyboard shortcuts',
  shortcuts: [
    ['j k', 'Next / previous article'],
    ['o Enter', 'Open the article'],
    ['v', 'Open the original in a new window'],
    ['m', 'Mark as read / unread'],
    ['s f', 'Star / unstar'],
    ['u', 'Unread only'],
    ['A', 'Mark all as read (Shift+A)'],
    ['r', 'Load new items'],
    ['/', 'Search'],
    ['g h', 'Go to the home page'],
    ['g c', 'All categories'],
    ['g f', 'Starred'],
    ['g s', 'Settings'],
    ['?', 'Show this list'],
    ['Esc', 'Close'],
  ],
  shortcutsOff: 'Shortcuts can be turned off in Settings.',
}
