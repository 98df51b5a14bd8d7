// The app's one Trusted Types policy. Under `require-trusted-types-for 'script'` every HTML sink
// takes only TrustedHTML, and the only TrustedHTML the app can make is DOMPurify's output under the
// sanitizer policy: the policy object never leaves this module.
import type { Config } from 'dompurify'
import { sanitizeWith } from './policy.ts'

/** Named in the CSP's `trusted-types` directive (index.html); no other policy may exist. */
export const TRUSTED_TYPES_POLICY_NAME = 'news-reader-html'

/**
 * Test builds only: `VITE_UNSAFE_NO_SANITIZER=1 vite build` skips DOMPurify so a browser test can
 * show that the CSP and Trusted Types alone stop every payload. Never set it for a real build.
 */
export const UNSAFE_NO_SANITIZER = import.meta.env.VITE_UNSAFE_NO_SANITIZER === '1'

type Policy = NonNullable<Config['TRUSTED_TYPES_POLICY']>
type Factory = { createPolicy: (name: string, options: object) => Policy }

let policy: Policy | null | undefined

/** Created on first use and then reused: the CSP allows the name once (no 'allow-duplicates'). */
function htmlPolicy(): Policy | null {
  if (policy !== undefined) return policy
  const factory = (globalThis as { trustedTypes?: Factory }).trustedTypes
  policy =
    factory?.createPolicy(TRUSTED_TYPES_POLICY_NAME, {
      // A pass-through, as DOMPurify needs to parse: what it wraps is decided in toTrustedHtml.
      createHTML: (input: string) => input,
      // Articles never load script; DOMPurify only asks for this on tags the policy forbids.
      createScriptURL: () => 'about:invalid#no-script',
    }) ?? null
  if (UNSAFE_NO_SANITIZER) console.warn('news-reader: test build without the HTML sanitizer')
  return policy
}

/**
 * An article body ready for `innerHTML`: sanitized, with links and images resolved against
 * `baseUrl` (the article's source page). TrustedHTML where the browser has Trusted Types.
 */
export function toTrustedHtml(html: string, baseUrl?: string | null): string | TrustedHTML {
  const p = htmlPolicy()
  if (UNSAFE_NO_SANITIZER) return p ? p.createHTML(html) : html
  return sanitizeWith(html, baseUrl, p)
}
