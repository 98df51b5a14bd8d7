// Markdown with raw HTML, configured to read this archive the way Jekyll's kramdown does.
import MarkdownIt, { type StateCore } from 'markdown-it'

const md = new MarkdownIt({
  html: true,
  linkify: false,
  breaks: false,
  typographer: true,
  // kramdown's smart quotes.
  quotes: '“”‘’',
})

// kramdown's typographic symbols (--- — , -- –, ... …, << «, >> »), and none of markdown-it's own
// extra ones such as (c) → ©, which kramdown leaves alone.
const KRAMDOWN_SYMBOLS: [RegExp, string][] = [
  [/---/g, '\u2014'],
  [/--/g, '\u2013'],
  [/\.\.\./g, '\u2026'],
  [/<</g, '\u00ab'],
  [/>>/g, '\u00bb'],
]
const HAS_SYMBOL = /--|\.\.\.|<<|>>/

function kramdownSymbols(state: StateCore): void {
  for (const block of state.tokens) {
    if (block.type !== 'inline' || !block.children) continue
    let inAutolink = 0
    for (const t of block.children) {
      if (t.type === 'link_open' && t.info === 'auto') inAutolink++
      else if (t.type === 'link_close' && t.info === 'auto') inAutolink--
      else if (t.type === 'text' && inAutolink === 0 && HAS_SYMBOL.test(t.content)) {
        for (const [re, to] of KRAMDOWN_SYMBOLS) t.content = t.content.replace(re, to)
      }
    }
  }
}
md.core.ruler.at('replacements', kramdownSymbols)

export function renderMarkdown(markdown: string): string {
  return md.render(markdown)
}

/** Decodes HTML entities and Markdown backslash escapes (markdown-it's own, well-tested helper). */
export function unescapeAll(text: string): string {
  return md.utils.unescapeAll(text)
}
