// The bare stack of bench/bare-stack in React Router's data mode: createBrowserRouter, a loader that
// starts the feed head query (ensureQueryData) before React renders, RouterProvider. Measured beside
// the declarative variant by bench/stack-floor.ts: the byte and time cost of data mode itself.
import { QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query'
import { createRoot } from 'react-dom/client'
import { createBrowserRouter, Link, RouterProvider } from 'react-router'

type Head = { items: { id: string; title?: string; summary?: string; date_published?: string }[] }

async function head({ signal }: { signal: AbortSignal }): Promise<Head> {
  const response = await fetch('/feed/feed.json', { signal })
  return (await response.json()) as Head
}

const client = new QueryClient()
const headQuery = { queryKey: ['head'], queryFn: head }

function List() {
  const q = useQuery(headQuery)
  return (
    <main>
      <h1>最新</h1>
      <div role="feed" aria-busy={q.isPending}>
        {q.data?.items.slice(0, 20).map((item, i) => (
          <article key={item.id} aria-posinset={i + 1} aria-setsize={-1}>
            <h2>
              <Link to={`/article/${encodeURIComponent(item.id)}`}>{item.title}</Link>
            </h2>
            <p>{item.summary}</p>
            <time>{item.date_published}</time>
          </article>
        ))}
      </div>
    </main>
  )
}

const router = createBrowserRouter([
  { path: '*', Component: List, loader: () => client.ensureQueryData(headQuery).then(() => null) },
])

const root = document.getElementById('root')
if (root)
  createRoot(root).render(
    <QueryClientProvider client={client}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  )
