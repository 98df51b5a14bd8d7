// The service worker's script URL under Trusted Types: `register()` is a script sink, so under
// `require-trusted-types-for 'script'` it takes only a TrustedScriptURL. The CSP names this policy
// (`trusted-types news-reader-html news-reader-sw`, index.html), and it vouches for one URL only:
// the build's own sw.js at the app's base.

/** Named in the CSP's `trusted-types` directive beside the HTML policy. */
export const SW_POLICY_NAME = 'news-reader-sw'

type Factory = {
  createPolicy: (
    name: string,
    rules: { createScriptURL: (input: string) => string },
  ) => { createScriptURL: (input: string) => unknown }
}

/** The absolute URL of sw.js, as a TrustedScriptURL where the browser has Trusted Types. */
export function workerScriptUrl(base: string): string {
  const url = new URL(`${base}sw.js`, window.location.href).href
  const factory = (globalThis as { trustedTypes?: Factory }).trustedTypes
  if (!factory) return url
  const policy = factory.createPolicy(SW_POLICY_NAME, {
    createScriptURL: (input) => {
      if (input !== url) throw new TypeError(`Not the app's service worker: ${input}`)
      return input
    },
  })
  // register() accepts the TrustedScriptURL in place of the string.
  return policy.createScriptURL(url) as string
}
