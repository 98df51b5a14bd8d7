// The search itself, without React: over a bundle's index (IndexSearch: segments newest first,
// postings → candidates → verified documents, a screenful at a time within a byte budget) or over
// the articles a plain JSON Feed holds (MemorySearch). The benchmark and tests run the same code.
import * as v from 'valibot'
import { fileKey, fillTemplate } from '../../shared/bundle-paths.ts'
import { BundleContentItemSchema } from '../../shared/feed-bundle.ts'
import {
  SearchIndexError,
  SearchIndexSchema,
  andBits,
  andNotBits,
  categoryKey,
  countBits,
  dayRanges,
  decodeShard,
  ID_CHUNK,
  SearchIdsSchema,
  idsFile,
  searchBodyText,
  emptyBits,
  exactByPostings,
  fullBits,
  hasBit,
  matchesText,
  searchableText,
  shardFile,
  shardOf,
  tagKey,
  termKeys,
  type Bits,
  type ParsedQuery,
  type SearchDoc,
  type SearchIndex,
} from '../../shared/search.ts'
import { NO_FILTERS, SCREEN, type Screen, type Search, type SearchFilters } from './query.ts'

/** Files of the index, relative to its head file; every byte fetched is counted. */
export type IndexSource = {
  bytes(file: string): Promise<Uint8Array>
  json(file: string): Promise<unknown>
}

/** Bytes one screenful may download before it shows what it has (the count then continues). */
export const SCREEN_BUDGET = 220_000

export function parseIndex(json: unknown): SearchIndex {
  const r = v.safeParse(SearchIndexSchema, json)
  if (!r.success) throw new SearchIndexError('the search index head is not one this app reads')
  return r.output
}

type Segment = {
  candidates: Bits
  /** Candidates that must be checked in their text (null: none). */
  verify: Bits | null
  verifyAll: boolean
  /** Next ordinal to look at, going down (newest first). */
  cursor: number
  matched: number
  /** The segment's number of matches once known. */
  exact: number | null
}

export class IndexSearch implements Search {
  private segments = new Map<number, Promise<Segment>>()
  private shards = new Map<string, Promise<Map<string, Bits>>>()
  private idFiles = new Map<string, Promise<string[]>>()
  /** The segment being walked (newest is the last). */
  private at: number
  private readonly verifyAll: boolean
  private readonly cheapCount: boolean

  constructor(
    private readonly source: IndexSource,
    private readonly index: SearchIndex,
    private readonly query: ParsedQuery,
    private readonly filters: SearchFilters = NO_FILTERS,
    private readonly budget = SCREEN_BUDGET,
    /** Bytes downloaded so far (the source's counter), for the budget. */
    private readonly downloaded: () => number = () => 0,
  ) {
    this.at = index.segments.length - 1
    this.verifyAll = query.include.some((t) => !exactByPostings(t))
    this.cheapCount = !this.verifyAll && query.exclude.every(exactByPostings)
  }

  private shard(k: number, h: number, docs: number): Promise<Map<string, Bits>> {
    const file = shardFile(k, h)
    let p = this.shards.get(file)
    if (!p) {
      p = this.source.bytes(file).then((b) => decodeShard(b, docs))
      this.shards.set(file, p)
    }
    return p
  }

  private segment(k: number): Promise<Segment> {
    let p = this.segments.get(k)
    if (!p) {
      p = this.loadSegment(k)
      this.segments.set(k, p)
    }
    return p
  }

  private async loadSegment(k: number): Promise<Segment> {
    const seg = this.index.segments[k]!
    const { docs, shards } = seg
    const f = this.filters
    let candidates: Bits
    if (f.from !== null || f.to !== null) {
      candidates = emptyBits(docs)
      for (const [a, b] of dayRanges(seg.days, f.from, f.to))
        for (let o = a; o < b; o++) candidates[o >>> 5]! |= 1 << (o & 31)
    } else candidates = fullBits(docs)
    const done = (): Segment => ({
      candidates,
      verify: null,
      verifyAll: false,
      cursor: -1,
      matched: 0,
      exact: 0,
    })
    if (countBits(candidates) === 0) return done()
    const postings = async (key: string): Promise<Bits> =>
      (await this.shard(k, shardOf(key, shards), docs)).get(key) ?? emptyBits(docs)
    const all = async (keys: string[]): Promise<Bits> => {
      const lists = await Promise.all(keys.map(postings))
      const out = fullBits(docs)
      for (const l of lists) andBits(out, l)
      return out
    }
    const required: string[] = []
    if (f.category !== null) required.push(categoryKey(f.category))
    if (f.tag !== null) required.push(tagKey(f.tag))
    for (const t of this.query.include) required.push(...termKeys(t))
    const [need, ...excluded] = await Promise.all([
      all(required),
      ...this.query.exclude.map((t) => all(termKeys(t))),
    ])
    andBits(candidates, need)
    let verify: Bits | null = null
    this.query.exclude.forEach((t, i) => {
      const bits = excluded[i]!
      if (exactByPostings(t)) andNotBits(candidates, bits)
      else {
        verify ??= emptyBits(docs)
        for (let w = 0; w < verify.length; w++) verify[w]! |= bits[w]! & candidates[w]!
      }
    })
    const exact = !this.verifyAll && (verify === null || countBits(verify) === 0)
    return {
      candidates,
      verify,
      verifyAll: this.verifyAll,
      cursor: docs - 1,
      matched: 0,
      exact: exact ? countBits(candidates) : null,
    }
  }

  private ids(k: number, c: number): Promise<string[]> {
    const file = idsFile(k, c)
    let p = this.idFiles.get(file)
    if (!p) {
      const want = Math.min(ID_CHUNK, this.index.segments[k]!.docs - c * ID_CHUNK)
      p = this.source.json(file).then((json) => {
        const r = v.safeParse(SearchIdsSchema, json)
        if (!r.success || r.output.length !== want)
          throw new SearchIndexError(`search id file ${file} is malformed`)
        return r.output
      })
      this.idFiles.set(file, p)
    }
    return p
  }

  /** Article `o` of segment `k`, from its content file (which must hold that article). */
  private async doc(k: number, o: number): Promise<SearchDoc> {
    const id = (await this.ids(k, Math.floor(o / ID_CHUNK)))[o % ID_CHUNK] as string
    const file = fillTemplate(this.index.content_template, fileKey(id))
    const r = v.safeParse(BundleContentItemSchema, await this.source.json(file))
    if (!r.success || r.output.id !== id)
      throw new SearchIndexError(`content file ${file} is not article ${id}`)
    const item = r.output
    return {
      id,
      title: item.title,
      date_published: item.date_published,
      category: item._reader.category,
      tags: item.tags,
      text: searchBodyText(item.content_html),
    }
  }

  async next(limit = SCREEN): Promise<Screen> {
    const start = this.downloaded()
    const over = () => this.downloaded() - start > this.budget
    const hits: SearchDoc[] = []
    while (hits.length < limit && this.at >= 0) {
      const k = this.at
      const seg = await this.segment(k)
      const verifying = (o: number) =>
        seg.verifyAll || (seg.verify !== null && hasBit(seg.verify, o) === 1)
      const batch: number[] = []
      const room = limit - hits.length
      while (seg.cursor >= 0 && batch.length < room) {
        const o = seg.cursor--
        if (hasBit(seg.candidates, o)) batch.push(o)
      }
      if (batch.length === 0) {
        seg.exact ??= seg.matched
        this.at--
        continue
      }
      const docs = await Promise.all(batch.map((o) => this.doc(k, o)))
      docs.forEach((doc, i) => {
        const o = batch[i]!
        if (verifying(o) && !matchesText(searchableText(doc.title, doc.text), this.query)) return
        seg.matched++
        hits.push(doc)
      })
      if (seg.cursor < 0) {
        seg.exact ??= seg.matched
        this.at--
      }
      if (over()) break
    }
    // Count ahead, newest first, while the screen's budget lasts: postings alone decide the count
    // when every term is one or two characters.
    if (this.cheapCount) for (let k = this.at - 1; k >= 0 && !over(); k--) await this.segment(k)
    return this.screen(hits)
  }

  private async screen(hits: SearchDoc[]): Promise<Screen> {
    let found = 0
    let counted = true
    for (let k = 0; k < this.index.segments.length; k++) {
      const p = this.segments.get(k)
      if (!p) {
        counted = false
        continue
      }
      const seg = await p
      found += seg.exact ?? seg.matched
      if (seg.exact === null) counted = false
    }
    return { hits, found, counted, done: this.at < 0 }
  }
}
