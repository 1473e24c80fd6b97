// The commonest command: ask one thing about one community and print the
// answer, as JSON with --json and otherwise in words.
import type { MethodName, Params, Results } from '../../core/rpc/methods.js'
import { print, printJson } from '../output.js'
import { resolveCommunity } from './resolve.js'
import type { ClientCommand, CommandInput } from './spec.js'

/** Methods that take nothing but the community. */
type AboutOneCommunity = {
  [M in MethodName]: Params<M> extends { communityId: string }
    ? { communityId: string } extends Params<M>
      ? M
      : never
    : never
}[MethodName]

export function askCommunity<M extends AboutOneCommunity>(spec: {
  name: string
  usage: string
  summary: string
  method: M
  /** The answer in words: one string, or one line each. */
  say: (result: Results[M], input: CommandInput) => string | string[]
}): ClientCommand {
  return {
    kind: 'client',
    name: spec.name,
    usage: spec.usage,
    summary: spec.summary,
    args: ['COMMUNITY'],
    options: [],
    async run(input) {
      const communityId = await resolveCommunity(input.client, input.arg('COMMUNITY'))
      const params = { communityId } as Params<M>
      const result = await input.client.call(spec.method, params)
      if (input.json) printJson(result)
      else {
        const words = spec.say(result, input)
        for (const line of Array.isArray(words) ? words : [words]) print(line)
      }
    }
  }
}
