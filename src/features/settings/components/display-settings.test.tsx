import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { resetStorageForTests } from '../../../lib/storage/synced-store.ts'
import { applyPageSettings, settingsStore } from '../settings-store.ts'
import { DisplaySettings } from './display-settings.tsx'

const root = document.documentElement

describe('display settings', () => {
  it('applies theme and article text to the whole page, and keeps them', async () => {
    const zones: string[] = []
    applyPageSettings((z) => zones.push(z))
    const user = userEvent.setup()
    render(<DisplaySettings />)
    expect(screen.getByRole('radio', { name: '跟随系统' })).toHaveProperty('checked', true)
    expect(root.dataset.theme).toBeUndefined()

    await user.click(screen.getByRole('radio', { name: '深色' }))
    await user.click(screen.getByRole('radio', { name: '特大' }))
    await user.click(screen.getByRole('radio', { name: '宽松' }))
    await user.click(screen.getByRole('radio', { name: '本机时区' }))
    expect([root.dataset.theme, root.dataset.fontSize, root.dataset.lineHeight]).toEqual([
      'dark',
      '3',
      '2',
    ])
    expect(zones.at(-1)).toBe('browser')
    settingsStore.flush()
    expect(localStorage.getItem(settingsStore.key)).toContain('"theme":"dark"')
  })

  it('falls back to the default for a damaged setting and keeps the others', () => {
    localStorage.setItem(
      settingsStore.key,
      JSON.stringify({ v: 1, t: 5, s: { theme: 'purple', fontSize: 2, density: 'compact' } }),
    )
    resetStorageForTests()
    render(<DisplaySettings />)
    expect(screen.getByRole('radio', { name: '跟随系统' })).toHaveProperty('checked', true)
    expect(screen.getByRole('radio', { name: '大' })).toHaveProperty('checked', true)
    expect(screen.getByRole('radio', { name: '只显示标题（紧凑）' })).toHaveProperty(
      'checked',
      true,
    )
  })
})
