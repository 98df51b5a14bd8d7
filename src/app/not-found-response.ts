// Loaders say "this cannot exist" the react-router way: a thrown 404 Response, which the route's
// error boundary turns into the not-found page (isRouteErrorResponse).
export function throwNotFound(): never {
  // eslint-disable-next-line @typescript-eslint/only-throw-error -- react-router's 404 convention
  throw new Response(null, { status: 404, statusText: 'Not Found' })
}
