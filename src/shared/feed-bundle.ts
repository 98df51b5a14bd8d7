// The one schema of the feed bundle (../shared/design/feed-bundle.md): the builder checks what it
// writes against it and the app checks what it reads. Types are inferred, never written twice.
import * as v from 'valibot'

export const JSON_FEED_1_1 = 'https://jsonfeed.org/version/1.1'
export const JSON_FEED_1_0 = 'https://jsonfeed.org/version/1'
/**
 * The bundle version this builder writes (2: paged directories, duplicates in the report; 3: the
 * search index, `_reader.search_url`).
 */
export const BUNDLE_VERSION = 3
/**
 * Bundle versions the app knows: version 1 had `categories.json` and `tags.json` as plain arrays.
 * A later version is read too (changes inside a major line only add fields): what it adds is ignored.
 */
export const READABLE_BUNDLE_VERSIONS = [1, 2, 3] as const
/** A list page holds at most this many items (the contract). */
export const PAGE_SIZE = 50
/** A list page should stay under this many bytes (JSON Feed's guidance). */
export const PAGE_BYTES_LIMIT = 100_000
/** The archive's time zone: dates without an offset are read in it, and the app shows times in it. */
export const ARCHIVE_TIME_ZONE = 'Asia/Shanghai'
/** A full time as the app and the static pages write it (`2026/11/29 08:05` in zh-CN). */
export const FULL_TIME_FORMAT: Intl.DateTimeFormatOptions = {
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
}

/** RFC 3339 with an explicit offset, as the bundle writes every date. */
export const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/

const nonEmpty = v.pipe(v.string(), v.minLength(1))
const count = v.pipe(v.number(), v.integer(), v.minValue(0))
/** Relative URLs only: the bundle can be moved or served under any base path. */
const relativeUrl = v.pipe(
  nonEmpty,
  v.check((s) => !/^[a-z][a-z0-9+.-]*:/i.test(s) && !s.startsWith('/'), 'must be a relative URL'),
)
const httpUrl = v.pipe(
  nonEmpty,
  v.check((s) => /^https?:\/\//i.test(s), 'must be an http(s) URL'),
)

export const ItemReaderSchema = v.object({
  category: nonEmpty,
  content_url: relativeUrl,
  reading_minutes: count,
  /** The date came from the file name: the day is known, not the time. */
  date_only: v.optional(v.literal(true)),
})

/** An item of a list page: everything a list needs, without the body. */
export const BundleListItemSchema = v.strictObject({
  id: nonEmpty,
  url: v.optional(httpUrl),
  external_url: v.optional(httpUrl),
  title: nonEmpty,
  summary: v.string(),
  /** The article's first image (JSON Feed's `image`), for a list's thumbnail. */
  image: v.optional(httpUrl),
  date_published: v.pipe(v.string(), v.regex(RFC3339, 'must be RFC 3339 with an offset')),
  tags: v.array(nonEmpty),
  _reader: ItemReaderSchema,
})
export type BundleListItem = v.InferOutput<typeof BundleListItemSchema>

/** One article's content file: a JSON Feed item with its body. */
export const BundleContentItemSchema = v.strictObject({
  ...BundleListItemSchema.entries,
  content_html: v.string(),
})
export type BundleContentItem = v.InferOutput<typeof BundleContentItemSchema>

export const FeedReaderSchema = v.object({
  version: v.pipe(v.number(), v.integer(), v.minValue(1)),
  total_items: count,
  categories_url: v.optional(relativeUrl),
  tags_url: v.optional(relativeUrl),
  /** `{key}` is fileKey(id | slug | tag) of ./bundle-paths.ts; relative to this page. */
  content_template: v.optional(relativeUrl),
  category_feed_template: v.optional(relativeUrl),
  tag_feed_template: v.optional(relativeUrl),
  /** Since version 3: the search index's head file (src/shared/search.ts), relative to this page. */
  search_url: v.optional(relativeUrl),
})

/** A list page of the bundle: feed.json, its next pages, and every category and tag feed page. */
export const BundlePageSchema = v.object({
  version: v.literal(JSON_FEED_1_1),
  title: nonEmpty,
  home_page_url: v.optional(httpUrl),
  feed_url: v.optional(v.string()),
  description: v.optional(v.string()),
  next_url: v.optional(relativeUrl),
  items: v.pipe(v.array(BundleListItemSchema), v.maxLength(PAGE_SIZE)),
  _reader: v.optional(FeedReaderSchema),
})
export type BundlePage = v.InferOutput<typeof BundlePageSchema>

export const CategoryEntrySchema = v.object({
  slug: nonEmpty,
  name: nonEmpty,
  count: count,
  feed_url: relativeUrl,
})
export type CategoryEntry = v.InferOutput<typeof CategoryEntrySchema>

export const TagEntrySchema = v.object({
  name: nonEmpty,
  count: count,
  feed_url: relativeUrl,
})
export type TagEntry = v.InferOutput<typeof TagEntrySchema>

/**
 * A page of a directory (`categories.json`, `tags.json` and their further pages): entries by
 * count, most used first, each page under PAGE_BYTES_LIMIT; `next_url` leads to the next page.
 */
function directoryPageSchema<E extends v.GenericSchema>(entry: E) {
  return v.object({
    version: v.literal(BUNDLE_VERSION),
    total_items: count,
    items: v.array(entry),
    next_url: v.optional(relativeUrl),
  })
}
export const CategoriesPageSchema = directoryPageSchema(CategoryEntrySchema)
export const TagsPageSchema = directoryPageSchema(TagEntrySchema)
export type CategoriesPage = v.InferOutput<typeof CategoriesPageSchema>
export type TagsPage = v.InferOutput<typeof TagsPageSchema>

/** Bundle version 1's directories: the whole list as one array. */
export const CategoriesFileSchema = v.array(CategoryEntrySchema)
export const TagsFileSchema = v.array(TagEntrySchema)

/**
 * The entries of a directory page of either version, unchecked (callers check each entry), and the
 * URL of the next page relative to this one (version 1: none).
 */
export function directoryEntries(json: unknown): { items: unknown[]; nextUrl?: string } | null {
  if (Array.isArray(json)) return { items: json }
  if (!json || typeof json !== 'object') return null
  const { items, next_url } = json as { items?: unknown; next_url?: unknown }
  if (!Array.isArray(items)) return null
  return typeof next_url === 'string' && next_url !== '' ? { items, nextUrl: next_url } : { items }
}

export const ReportEntrySchema = v.object({
  file: v.string(),
  status: v.picklist(['imported', 'skipped']),
  id: v.optional(v.string()),
  reason: v.optional(v.string()),
  /** A skipped copy of a post that an earlier posts folder also holds: that file. */
  duplicate_of: v.optional(v.string()),
  warnings: v.optional(v.array(v.string())),
})
export type ReportEntry = v.InferOutput<typeof ReportEntrySchema>
export const ReportFileSchema = v.object({
  version: v.literal(BUNDLE_VERSION),
  summary: v.object({
    read: count,
    imported: count,
    skipped: count,
    duplicates: count,
    warnings: count,
  }),
  files: v.array(ReportEntrySchema),
})
export type ReportFile = v.InferOutput<typeof ReportFileSchema>

/** Human-readable issues of a failed parse, for messages and reports. */
export function describeIssues(issues: readonly v.BaseIssue<unknown>[]): string {
  return issues
    .slice(0, 5)
    .map((i) => `${v.getDotPath(i) ?? '(root)'}: ${i.message}`)
    .join('; ')
}
