import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  decodeFavourites,
  encodeFavourites,
  favouriteList,
  mergeFavourites,
  toFavouriteItem,
  withFavourite,
  type FavouriteEntry,
  type FavouriteItem,
  type Favourites,
} from './favourites-store.ts'
import { exportFavourites, importFavourites } from './favourites-file.ts'

const item: fc.Arbitrary<FavouriteItem> = fc.record({
  id: fc.string({ minLength: 1, maxLength: 40 }),
  title: fc.string({ maxLength: 60 }),
  summary: fc.string({ maxLength: 80 }),
  source: fc.option(fc.string({ maxLength: 20 }), { nil: null }),
  category: fc.option(fc.string({ maxLength: 20 }), { nil: null }),
  published: fc.option(fc.constant('2026-11-28T07:00:00+08:00'), { nil: null }),
  tags: fc.array(fc.string({ maxLength: 10 }), { maxLength: 4 }),
  url: fc.option(fc.webUrl(), { nil: null }),
})
const entry: fc.Arbitrary<FavouriteEntry> = fc.oneof(
  fc
    .record({ item, t: fc.nat(), at: fc.nat() })
    .map(({ item: i, t, at }) => ({ id: i.id, fav: true as const, t, at, item: i })),
  fc
    .record({ id: fc.string({ minLength: 1, maxLength: 40 }), t: fc.nat() })
    .map(({ id, t }) => ({ id, fav: false as const, t })),
)
const favs: fc.Arbitrary<Favourites> = fc
  .array(entry)
  .map((es) => new Map(es.map((e) => [e.id, e])))

const sample = (id: string, title = `标题 ${id}`): FavouriteItem => ({
  id,
  title,
  summary: `摘要 ${id}`,
  source: '测试来源',
  category: 'test',
  published: '2026-11-28T07:00:00+08:00',
  tags: ['测试'],
  url: null,
})

describe('favourites codec', () => {
  it('decode(encode(x)) = x', () => {
    fc.assert(
      fc.property(favs, (f) => {
        const d = decodeFavourites(encodeFavourites(f))
        expect(d.complete).toBe(true)
        expect(d.value).toEqual(f)
      }),
    )
  })

  it('garbage never throws', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json(), fc.string({ unit: 'binary' })), (raw) => {
        expect(decodeFavourites(raw).value).toBeInstanceOf(Map)
      }),
      { numRuns: 500 },
    )
  })

  it('keeps the good entries of a damaged value and says it was incomplete', () => {
    const raw = encodeFavourites(withFavourite(new Map(), sample('1'), true, 10))
    const damaged = raw.replace('"items":[', '"items":[{"id":42},')
    const d = decodeFavourites(damaged)
    expect(d.complete).toBe(false)
    expect(d.value.get('1')?.fav).toBe(true)
  })
})

describe('favourites stored before the summary was kept', () => {
  // As the app wrote them before favourites kept a summary.
  const old = JSON.stringify({
    v: 1,
    items: [
      {
        id: '1',
        title: '旧收藏',
        source: '测试来源',
        category: 'test',
        published: '2026-11-28T07:00:00+08:00',
        tags: ['测试', '旧'],
        url: 'https://example.org/1',
        t: 20,
        at: 10,
      },
      { id: '2', t: 30, removed: true },
    ],
  })

  it('load complete, every field kept, with an empty summary', () => {
    const d = decodeFavourites(old)
    expect(d.complete).toBe(true)
    expect(d.value.get('1')).toEqual({
      id: '1',
      fav: true,
      t: 20,
      at: 10,
      item: {
        id: '1',
        title: '旧收藏',
        summary: '',
        source: '测试来源',
        category: 'test',
        published: '2026-11-28T07:00:00+08:00',
        tags: ['测试', '旧'],
        url: 'https://example.org/1',
      },
    })
    expect(d.value.get('2')).toEqual({ id: '2', fav: false, t: 30 })
    // Written back and read again, nothing changes.
    expect(decodeFavourites(encodeFavourites(d.value)).value).toEqual(d.value)
  })

  it('import from a version 1 file without summaries', () => {
    const file = JSON.stringify({
      format: 'news-reader-favourites',
      version: 1,
      exported: '2026-11-29T00:00:00.000Z',
      items: [
        {
          id: 'a',
          title: '旧文件里的收藏',
          source: null,
          category: null,
          published: null,
          tags: [],
          url: null,
          favouritedAt: '2026-11-28T00:00:00.000Z',
        },
      ],
    })
    const r = importFavourites(new Map(), file, 5_000)
    expect(r?.added).toBe(1)
    expect(favouriteList(r!.favs)[0]!.item).toMatchObject({ title: '旧文件里的收藏', summary: '' })
  })
})

describe('the snapshot of an article', () => {
  const article = { id: 'x', title: '标题', summary: '这是摘要。', tags: ['来源'] }

  it('keeps the summary', () => {
    expect(toFavouriteItem(article, '来源').summary).toBe('这是摘要。')
  })

  it('leaves the summary out when the title was made from it', () => {
    expect(toFavouriteItem({ ...article, titleIsStandIn: true }).summary).toBe('')
  })
})

describe('favourites merge', () => {
  it('is commutative and idempotent (tabs converge)', () => {
    fc.assert(
      fc.property(favs, favs, (a, b) => {
        expect(encodeFavourites(mergeFavourites(a, b))).toBe(
          encodeFavourites(mergeFavourites(b, a)),
        )
        const ab = mergeFavourites(a, b)
        expect(mergeFavourites(ab, b)).toBe(ab)
      }),
    )
  })

  it('two tabs favouriting different articles at once keep both', () => {
    const tabA = withFavourite(new Map(), sample('a'), true, 100)
    const tabB = withFavourite(new Map(), sample('b'), true, 100)
    const list = favouriteList(mergeFavourites(tabA, tabB))
    expect(list.map((f) => f.item.id).sort()).toEqual(['a', 'b'])
  })

  it('a later unfavourite beats a stale favourite, and the other way round', () => {
    const fav = withFavourite(new Map(), sample('a'), true, 100)
    const unfav = withFavourite(fav, sample('a'), false, 200)
    expect(mergeFavourites(fav, unfav).get('a')?.fav).toBe(false)
    const again = withFavourite(unfav, sample('a'), true, 300)
    expect(mergeFavourites(unfav, again).get('a')?.fav).toBe(true)
  })

  it('lists newest favourited first', () => {
    let f: Favourites = new Map()
    f = withFavourite(f, sample('old'), true, 1)
    f = withFavourite(f, sample('new'), true, 2)
    expect(favouriteList(f).map((x) => x.item.id)).toEqual(['new', 'old'])
  })
})

describe('favourites file', () => {
  it('exports and imports back, merging without duplicates', () => {
    let mine: Favourites = withFavourite(new Map(), sample('1'), true, 1_000)
    let theirs: Favourites = withFavourite(new Map(), sample('1', '另一个标题'), true, 2_000)
    theirs = withFavourite(theirs, sample('2'), true, 3_000)
    const file = exportFavourites(favouriteList(theirs))
    const r = importFavourites(mine, file + '', 5_000)
    expect(r).not.toBeNull()
    expect(r!.added).toBe(1)
    expect(r!.skipped).toBe(1)
    mine = r!.favs
    expect(favouriteList(mine).map((x) => x.item.id)).toEqual(['2', '1'])
    // The original favouriting time is kept for the order.
    expect(favouriteList(mine)[0]!.at).toBe(3_000)
    expect(favouriteList(mine)[0]!.item.summary).toBe('摘要 2')
    // Importing the same file again adds nothing.
    expect(importFavourites(mine, file, 6_000)!.added).toBe(0)
  })

  it('refuses a file that is not an export, without throwing', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json()), (text) => {
        expect(importFavourites(new Map(), text)).toBeNull()
      }),
    )
  })
})
