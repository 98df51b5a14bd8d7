import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { setSetting, settingsStore } from '../settings-store.ts'
import { MuteSettings } from './mute-settings.tsx'

const value = () => settingsStore.getSnapshot().value

describe('mute settings', () => {
  it('keep one word or source a line, cleaned, and the body option', async () => {
    const user = userEvent.setup()
    render(<MuteSettings />)
    const words = screen.getByRole('textbox', { name: '屏蔽词' })
    await user.type(words, ' 夜跑 {Enter}{Enter}IPO{Enter}ｉｐｏ')
    expect(value().mutedWords).toEqual(['夜跑', 'IPO'])
    // What is typed stays as typed.
    expect((words as HTMLTextAreaElement).value).toBe(' 夜跑 \n\nIPO\nｉｐｏ')
    screen.getByText(/已屏蔽 2 项/)
    await user.type(screen.getByRole('textbox', { name: '屏蔽来源' }), '科技日报')
    expect(value().mutedSources).toEqual(['科技日报'])
    await user.click(screen.getByRole('checkbox', { name: /也在正文中查找屏蔽词/ }))
    expect(value().muteBody).toBe(true)
  })

  it('show a list changed elsewhere (another tab, an imported backup)', async () => {
    render(<MuteSettings />)
    setSetting('mutedSources', ['城市快讯', '科技日报'])
    expect(
      await screen.findByRole<HTMLTextAreaElement>('textbox', { name: '屏蔽来源' }),
    ).toHaveProperty('value', '城市快讯\n科技日报')
  })
})
