// Every subcommand, in the order `mutual help` lists them.
import { communities, create, join, leave, members, profile, status } from './community.js'
import { checkOnMe, closeConversation, conversation, conversations, say } from './conversations.js'
import { agree, agreements, proposals, propose, respond, revise, withdrawProposal } from './governance.js'
import { invite, invites, revoke, second } from './invites.js'
import { daemon, testnet } from './local.js'
import { lock, wipe } from './device.js'
import { devices, link, linkDevice, recoveryPhrase, renameDevice, restore, revokeDevice } from './devices.js'
import { flag, hide, log, mute, unflag, unhide, unmute } from './moderation.js'
import { editPlan, plan, plans, revokePlan, sharePlan } from './plan.js'
import { addTopic, feed, post, react, thread, topics } from './posts.js'
import { answer, availability, closeReachOut, presence, reachOut, reachOuts } from './reaching.js'
import { addResource, checkIn, resources } from './resources.js'
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
  checkIn,
  resources,
  addResource,
  availability,
  presence,
  reachOut,
  reachOuts,
  answer,
  closeReachOut,
  conversations,
  conversation,
  say,
  closeConversation,
  checkOnMe,
  plan,
  editPlan,
  sharePlan,
  revokePlan,
  plans,
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
  profile,
  lock,
  devices,
  linkDevice,
  link,
  renameDevice,
  revokeDevice,
  recoveryPhrase,
  restore,
  wipe,
  testnet
]

export function findCommand(name: string): Command | undefined {
  return COMMANDS.find((c) => c.name === name)
}
