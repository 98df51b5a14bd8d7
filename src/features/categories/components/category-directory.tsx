// Every category with its count and a filter-as-you-type box. The box stays responsive with
// thousands of categories: names are normalized once, and the list renders from a deferred value.
import { memo, useDeferredValue, useMemo, useState, type ReactNode } from 'react'
import { Link } from 'react-router'
import { FilterBox } from '../../../components/ui/filter-box.tsx'
import { formatNumber } from '../../../lib/format.ts'
import { messages } from '../../../lib/messages.ts'
import { categoryPath } from '../../../entities/article/model/paths.ts'
import { normalize, type Category } from '../../../entities/article/api/directories.ts'
import { categoriesMessages } from '../messages.ts'

export type CategoryDirectoryProps = {
  categories: readonly Category[]
  /** Extra text per category, e.g. its unread count (keep it stable: the list is memoized). */
  renderExtra?: (category: Category) => ReactNode
}

type CategoryLinksProps = Pick<CategoryDirectoryProps, 'categories' | 'renderExtra'>

/** Memoized: while typing, React re-renders it only when the deferred filter has caught up. */
const CategoryLinks = memo(function CategoryLinks({ categories, renderExtra }: CategoryLinksProps) {
  return (
    <ul className="directory">
      {categories.map((c) => (
        <li key={c.slug}>
          <Link to={categoryPath(c.slug)}>{c.name}</Link>{' '}
          <span className="count">{messages.articleCount(formatNumber(c.count))}</span>
          {renderExtra && <> {renderExtra(c)}</>}
        </li>
      ))}
    </ul>
  )
})

export function CategoryDirectory({ categories, renderExtra }: CategoryDirectoryProps) {
  const [filter, setFilter] = useState('')
  const deferred = useDeferredValue(filter)
  const shown = useMemo(() => {
    const needle = normalize(deferred)
    return needle === '' ? categories : categories.filter((c) => c.search.includes(needle))
  }, [categories, deferred])

  if (categories.length === 0) return <p className="notice">{categoriesMessages.categoriesNone}</p>
  return (
    <>
      <FilterBox
        label={categoriesMessages.categoriesFilter}
        value={filter}
        onChange={setFilter}
        status={categoriesMessages.categoriesCount(
          formatNumber(shown.length),
          formatNumber(categories.length),
        )}
      />
      {shown.length === 0 ? (
        <p className="notice">{categoriesMessages.categoriesNoMatch}</p>
      ) : (
        <CategoryLinks categories={shown} renderExtra={renderExtra} />
      )}
    </>
  )
}
