// `/favourites`: the reader's favourites from their stored snapshots (no feed request needed),
// export and import; one titled section each, under the page's h1.
import './pages.css'
import { PageTitle } from '../../components/page-title.tsx'
import { FavouritesList } from '../../features/favourites/components/favourites-list.tsx'
import { FavouritesTransfer } from '../../features/favourites/components/favourites-transfer.tsx'
import { messages } from '../../lib/messages.ts'
import { useMutedFavourite } from '../muted.ts'
import { favouritesMessages } from '../../features/favourites/messages.ts'

export default function FavouritesRoute() {
  return (
    <>
      <PageTitle title={messages.favouritesTitle} />
      <h1>{messages.favouritesTitle}</h1>
      <section className="page-section" aria-labelledby="favourites-list">
        <h2 id="favourites-list">{messages.favouritesListLabel}</h2>
        <FavouritesList muted={useMutedFavourite()} />
      </section>
      <section className="page-section" aria-labelledby="favourites-transfer">
        <h2 id="favourites-transfer">{favouritesMessages.favouritesTransfer}</h2>
        <FavouritesTransfer />
      </section>
    </>
  )
}
