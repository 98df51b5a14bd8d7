import { describe, expect, it } from 'vitest'
import { errorText, FeedError } from './feed-error.ts'

describe('errorText', () => {
  it('says a failed request was for something not kept offline when the browser is offline', () => {
    const e = new FeedError('offline', 'Could not reach')
    expect(errorText(e, false)).toBe('无法连接网络，请检查网络后重试。')
    expect(errorText(e, true)).toBe('当前离线，这部分内容还没有保存到本机，联网后再试。')
    // Other failures keep their own words offline.
    expect(errorText(new FeedError('not-json', 'x'), true)).toBe(
      '订阅源不是有效的 JSON 文件，无法读取。',
    )
  })
})
