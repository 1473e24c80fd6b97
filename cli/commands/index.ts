// Every subcommand, in the order `mutual help` lists them.
import { communities, create, join, leave, members, status } from './community.js'
import { invite, invites, revoke } from './invites.js'
import { daemon, testnet } from './local.js'
import { addTopic, feed, post, react, thread, topics } from './posts.js'
import type { Command } from './spec.js'

export const COMMANDS: readonly Command[] = [
  daemon,
  create,
  communities,
  invite,
  invites,
  revoke,
  join,
  post,
  feed,
  thread,
  topics,
  addTopic,
  react,
  members,
  status,
  leave,
  testnet
]

export function findCommand(name: string): Command | undefined {
  return COMMANDS.find((c) => c.name === name)
}
