// Turns an engine error into words for people: known codes get our own
// sentence, anything else says plainly what the engine said.
import type { RpcError } from '../../core/rpc/client.js'
import { strings } from '../strings/index.js'

export function errorMessage(error: RpcError): string {
  const known: Partial<Record<string, unknown>> = strings.errors
  const text = known[error.code]
  return typeof text === 'string' ? text : strings.errors.generic(error.message)
}

export function ErrorText({ error, id }: { error: RpcError | null; id?: string }) {
  if (!error) return null
  return (
    <p className="error" role="alert" id={id}>
      {errorMessage(error)}
    </p>
  )
}
