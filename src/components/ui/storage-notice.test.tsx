import { act, render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { beforeEach, describe, expect, it } from 'vitest'
import { clearStorageNotices, reportStorageNotice } from '../../lib/storage/notices.ts'
import { StorageNotice } from './storage-notice.tsx'

const flush = () => act(() => new Promise<void>((r) => queueMicrotask(r)))

beforeEach(() => clearStorageNotices())

describe('storage notice', () => {
  it('says nothing while all is well', () => {
    const { container } = render(<StorageNotice />)
    expect(container.textContent).toBe('')
  })

  it('tells the reader what happened, with the backup key, and can be dismissed', async () => {
    const user = userEvent.setup()
    render(<StorageNotice />)
    reportStorageNotice('corrupt', { backupKey: 'news-reader:backup:v1:favourites:1' })
    reportStorageNotice('pruned', { count: 1200 })
    reportStorageNotice('unavailable')
    await flush()
    expect((await screen.findByRole('status')).textContent).toContain('保存的数据有误，已备份')
    screen.getByText('news-reader:backup:v1:favourites:1')
    const alerts = screen.getAllByRole('alert').map((a) => a.textContent)
    expect(alerts[0]).toContain('存储已满，已清理最早的已读记录（1,200 条）')
    expect(alerts[1]).toContain('浏览器存储不可用，本次更改不会保存')
    await user.click(screen.getAllByRole('button', { name: '知道了' })[0]!)
    expect(screen.queryByRole('status')).toBeNull()
  })
})
