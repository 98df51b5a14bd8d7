/* eslint-disable testing-library/no-node-access, testing-library/no-container -- what the
   sanitizer leaves in the DOM is the thing under test */
import { describe, expect, it } from 'vitest'
import { fireEvent, render, screen } from '@testing-library/react'
import { SafeHtml } from './safe-html.tsx'

const SOURCE = 'https://news.example/2022/06/07/story.html'

describe('SafeHtml', () => {
  it('turns an image that fails to load into a quiet placeholder', () => {
    render(<SafeHtml html={'<p><img src="https://img.example/gone.jpg" alt="图一"></p>'} />)
    const img = screen.getByRole('img', { name: '图一' })
    expect(img.classList.contains('nr-broken')).toBe(false)
    fireEvent.error(img)
    expect(img.classList.contains('nr-broken')).toBe(true)
  })

  it('shows the article’s formatting and none of its script', () => {
    const { container } = render(
      <SafeHtml
        className="body"
        baseUrl={SOURCE}
        html={
          '<blockquote><p>digest</p></blockquote><p><strong>要点</strong> 正文</p>' +
          '<center><img src="pic.jpg" alt="图表"></center><script>alert(1)</script>' +
          '<a href="javascript:alert(2)">bad</a><a href="../more.html">更多</a>' +
          '<img src="https://t.example/p.gif" width="1" height="1" alt="pixel">' +
          '<p style="display:none">hidden boilerplate</p>'
        }
      />,
    )
    expect(screen.getByText('要点').tagName).toBe('STRONG')
    expect(screen.getByRole('img', { name: '图表' })).toHaveProperty(
      'src',
      'https://news.example/2022/06/07/pic.jpg',
    )
    expect(screen.queryByRole('img', { name: 'pixel' })).toBeNull()
    expect(screen.queryByText('hidden boilerplate')).toBeNull()
    const more = screen.getByRole('link', { name: '更多' })
    expect(more.getAttribute('href')).toBe('https://news.example/2022/06/more.html')
    expect(more.getAttribute('target')).toBe('_blank')
    expect(more.getAttribute('rel')).toBe('noopener noreferrer')
    // The javascript: link keeps its text but loses its URL, so it is no longer a link.
    expect(screen.queryByRole('link', { name: 'bad' })).toBeNull()
    expect(container.querySelector('script')).toBeNull()
    expect(container.firstElementChild?.className).toBe('body')
  })

  it('keeps the same DOM when re-rendered with the same article', () => {
    const { container, rerender } = render(<SafeHtml html="<p>same</p>" baseUrl={SOURCE} />)
    const p = container.querySelector('p')
    rerender(<SafeHtml html="<p>same</p>" baseUrl={SOURCE} />)
    expect(container.querySelector('p')).toBe(p)
  })
})
