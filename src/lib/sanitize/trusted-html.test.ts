import { afterEach, describe, expect, it, vi } from 'vitest'
import { htmlText } from './policy.ts'

// A stand-in for the browser's Trusted Types factory: records policies, wraps what they return.
class FakeTrustedHTML {
  constructor(readonly html: string) {}
  toString() {
    return this.html
  }
}
type Options = { createHTML: (s: string) => string; createScriptURL: (s: string) => string }
function fakeTrustedTypes() {
  const created: string[] = []
  return {
    created,
    createPolicy(name: string, options: Options) {
      created.push(name)
      return {
        name,
        createHTML: (s: string) => new FakeTrustedHTML(options.createHTML(s)),
        createScriptURL: (s: string) => options.createScriptURL(s),
      }
    },
  }
}

async function freshModule() {
  vi.resetModules()
  return import('./trusted-html.ts')
}

afterEach(() => {
  vi.unstubAllGlobals()
  vi.unstubAllEnvs()
})

describe('the Trusted Types policy', () => {
  it('registers one policy, once, and returns sanitized TrustedHTML from it', async () => {
    const tt = fakeTrustedTypes()
    vi.stubGlobal('trustedTypes', tt)
    const { toTrustedHtml, TRUSTED_TYPES_POLICY_NAME } = await freshModule()
    const a = toTrustedHtml('<p>ok</p><img src=x onerror=alert(1)>', 'https://s.example/a/')
    const b = toTrustedHtml('<p>two</p>')
    expect(tt.created).toEqual([TRUSTED_TYPES_POLICY_NAME])
    expect(TRUSTED_TYPES_POLICY_NAME).toBe('news-reader-html')
    expect(a).toBeInstanceOf(FakeTrustedHTML)
    expect(htmlText(a)).toBe(
      '<p>ok</p><img src="https://s.example/a/x" loading="lazy" decoding="async" referrerpolicy="no-referrer">',
    )
    expect(htmlText(b)).toBe('<p>two</p>')
  })

  it('falls back to sanitized strings where the browser has no Trusted Types', async () => {
    const { toTrustedHtml } = await freshModule()
    expect(toTrustedHtml('<b onclick=alert(1)>x</b>')).toBe('<b>x</b>')
  })

  it('passes HTML through unchanged only in a VITE_UNSAFE_NO_SANITIZER=1 test build', async () => {
    vi.stubEnv('VITE_UNSAFE_NO_SANITIZER', '1')
    const tt = fakeTrustedTypes()
    vi.stubGlobal('trustedTypes', tt)
    vi.spyOn(console, 'warn').mockImplementation(() => {})
    const { toTrustedHtml, UNSAFE_NO_SANITIZER } = await freshModule()
    expect(UNSAFE_NO_SANITIZER).toBe(true)
    expect(htmlText(toTrustedHtml('<img src=x onerror=alert(1)>'))).toBe(
      '<img src=x onerror=alert(1)>',
    )
  })
})
