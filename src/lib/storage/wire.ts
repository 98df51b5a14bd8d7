// A stored value's outer form: JSON that matches the store's wire schema, or nothing usable.
import * as v from 'valibot'

export function readWire<S extends v.GenericSchema>(
  raw: string,
  schema: S,
): v.InferOutput<S> | null {
  let json: unknown
  try {
    json = JSON.parse(raw)
  } catch {
    return null
  }
  const r = v.safeParse(schema, json)
  return r.success ? r.output : null
}
