// Entry point: one QueryClient, the router built around it, and the app's styles.
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { RouterProvider } from 'react-router/dom'
import { AppProvider } from './app/provider.tsx'
import { createRouter } from './app/router.tsx'
import { makeQueryClient } from './lib/query-client.ts'
import './app/app.css'

const queryClient = makeQueryClient()
const router = createRouter(queryClient)
const root = document.getElementById('root')
if (root)
  createRoot(root).render(
    <StrictMode>
      <AppProvider queryClient={queryClient}>
        <RouterProvider router={router} />
      </AppProvider>
    </StrictMode>,
  )
