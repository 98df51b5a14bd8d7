// The favourite toggle of a list item or article view: a button named 收藏, pressed when favourited.
// Favouriting keeps a snapshot of the article so /favourites can show it without its feed page.
import { messages } from '../../../lib/messages.ts'
import { setFavourite, toFavouriteItem, type FavouriteInput } from '../favourites-store.ts'
import { useIsFavourite } from '../hooks.ts'

export type FavouriteToggleProps = {
  article: FavouriteInput
  /** The source's display name (the category's name), when the caller knows it. */
  source?: string | null
}

export function FavouriteToggle({ article, source }: FavouriteToggleProps) {
  const fav = useIsFavourite(article.id)
  return (
    <button
      type="button"
      className="favourite-toggle"
      aria-pressed={fav}
      onClick={() => setFavourite(toFavouriteItem(article, source), !fav)}
    >
      <span aria-hidden="true">{fav ? '★' : '☆'}</span> {messages.favourite}
    </button>
  )
}
