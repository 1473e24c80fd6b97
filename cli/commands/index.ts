// Every subcommand, in the order `mutual help` lists them.
import { communities, create, join, leave, members, status } from './community.js'
import { agree, agreements, proposals, propose, respond, revise, withdrawProposal } from './governance.js'
import { invite, invites, revoke, second } from './invites.js'
import { daemon, testnet } from './local.js'
import { flag, hide, log, mute, unflag, unhide, unmute } from './moderation.js'
import { addTopic, feed, post, react, thread, topics } from './posts.js'
import type { Command } from './spec.js'

export const COMMANDS: readonly Command[] = [
  daemon,
  create,
  communities,
  invite,
  invites,
  second,
  revoke,
  join,
  agreements,
  agree,
  post,
  feed,
  thread,
  topics,
  addTopic,
  react,
  proposals,
  propose,
  respond,
  revise,
  withdrawProposal,
  flag,
  unflag,
  log,
  mute,
  unmute,
  hide,
  unhide,
  members,
  status,
  leave,
  testnet
]

export function findCommand(name: string): Command | undefined {
  return COMMANDS.find((c) => c.name === name)
}
