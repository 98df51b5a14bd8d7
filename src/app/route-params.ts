// What a route accepts from its URL parameters: anything else is the not-found page, never a
// request. Shared by the router (which starts a lazy page's data early) and the pages themselves.

/** An article id: any non-blank text of sane length (ids of plain feeds are often URLs). */
export const validId = (s: string | undefined): s is string =>
  s !== undefined && s.trim() !== '' && s.length <= 2_000

/** A category slug or a tag name. */
export const validName = (s: string | undefined): s is string =>
  s !== undefined && s.trim() !== '' && s.length <= 200
