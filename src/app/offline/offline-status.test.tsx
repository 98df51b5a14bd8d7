import { act, render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { OfflineStatus } from './offline-status.tsx'
import { offerUpdate } from './status.ts'

function setOnline(online: boolean) {
  Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => online })
  act(() => {
    window.dispatchEvent(new Event(online ? 'online' : 'offline'))
  })
}

afterEach(() => {
  setOnline(true)
  act(() => offerUpdate(null))
})

describe('offline banner and update offer', () => {
  it('says nothing while online and up to date', () => {
    render(<OfflineStatus />)
    expect(screen.queryByRole('status')).toBeNull()
  })

  it('shows the offline banner while the browser is offline', () => {
    render(<OfflineStatus />)
    setOnline(false)
    expect(screen.getByRole('status').textContent).toBe('当前离线，显示的是已缓存的内容。')
    setOnline(true)
    expect(screen.queryByRole('status')).toBeNull()
  })

  it('offers 新版本可用 with a reload that applies the waiting version, only when clicked', async () => {
    const user = userEvent.setup()
    const apply = vi.fn()
    render(<OfflineStatus />)
    act(() => offerUpdate({ apply }))
    const offer = screen.getByRole('status')
    expect(offer.textContent).toContain('新版本可用')
    expect(apply).not.toHaveBeenCalled()
    await user.click(screen.getByRole('button', { name: '重新加载' }))
    expect(apply).toHaveBeenCalledTimes(1)
  })
})
