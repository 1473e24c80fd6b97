// A support plan as a member might write it, for the specs that save one and look for it again.
import type { Params } from '../../core/rpc/methods.js'

export const PLAN: Params<'plan.save'>['plan'] = {
  helps: 'A walk and a call with someone who gets it',
  doesNotHelp: 'Being told to cheer up',
  contacts: 'Sam',
  notInvolve: '',
  fromSupporters: 'Check in on Sundays'
}
