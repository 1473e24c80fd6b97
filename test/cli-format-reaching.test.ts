// The CLI's plain words for reaching out: members' availability, reach-outs,
// private conversations and support plans.
import { describe, expect, it } from 'vitest'
import type { Conversation, ReachOut, SupportPlan } from '../core/domain/reaching.js'
import type { Member } from '../core/domain/types.js'
import { memberLine } from '../cli/format.js'
import {
  PEOPLE_NOT_SERVICE,
  availabilityLines,
  conversationLines,
  conversationSummaryLine,
  myPlanLines,
  nameList,
  reachOutLines
} from '../cli/format-reaching.js'

const ID = 'a'.repeat(64)

function member(over: Partial<Member> = {}): Member {
  return {
    id: ID,
    name: 'Ana',
    marker: 'k3x9',
    color: null,
    joinedSeq: 1,
    isMe: false,
    left: false,
    removed: false,
    agreed: true,
    muted: false,
    availability: null,
    aroundNow: false,
    atLimit: false,
    ...over
  }
}

function reach(over: Partial<ReachOut> = {}): ReachOut {
  return {
    id: '0123456789abcdef',
    authorId: ID,
    author: 'Ana',
    context: 'rough night',
    createdAt: 0,
    answered: false,
    answeredByMe: false,
    answeredBy: [],
    closed: false,
    mine: false,
    seq: 1,
    ...over
  }
}

describe('cli reaching words: behaviour', () => {
  it('members: says who is around now, at their limit, and what they said about being available', () => {
    expect(memberLine(member())).toBe(`Ana (k3x9)  ${ID}`)
    expect(
      memberLine(member({ aroundNow: true, availability: { kind: 'open', note: 'evenings', limit: 2 } }))
    ).toBe(`Ana (k3x9)  (around now, open to listen: "evenings", up to 2 conversations at once)  ${ID}`)
    expect(memberLine(member({ aroundNow: true, atLimit: true }))).toContain(
      '(around now, at the limit they chose)'
    )
    expect(memberLine(member({ availability: { kind: 'resting', note: null, limit: null } }))).toContain(
      '(resting, not available now)'
    )
    // Someone who left is not around, whatever they last said.
    const gone = member({
      left: true,
      aroundNow: true,
      availability: { kind: 'talk', note: null, limit: null }
    })
    expect(memberLine(gone)).toBe(`Ana (k3x9)  (left)  ${ID}`)
  })

  it('availability: shows my status, my presence and how to change them', () => {
    const lines = availabilityLines(
      { mine: { kind: 'talk', note: null, limit: null }, presence: false, openConversations: 1 },
      'Owls'
    )
    expect(lines).toEqual([
      'You would like to talk. Every member can see this.',
      'Presence is off: nobody sees whether you are around (turn it on with: mutual presence Owls on).',
      'You have 1 open conversation.'
    ])
  })

  it('reach-outs: says plainly when nobody has answered mine, points to resources, and never sounds like a service', () => {
    const waiting = reachOutLines([reach({ mine: true, author: 'Ben' })], 'Owls')
    expect(waiting[0]).toBe('0123456789abcdef  You would like to talk: "rough night"')
    expect(waiting[1]).toMatch(/ · no one has answered yet$/)
    expect(waiting.join('\n')).toContain('mutual resources Owls')
    expect(waiting.at(-1)).toBe(PEOPLE_NOT_SERVICE)
    expect(PEOPLE_NOT_SERVICE).not.toMatch(/crisis line|emergency|clinical|diagnos|therap/i)

    const answered = reachOutLines([reach({ mine: true, answered: true, answeredBy: ['Ana', 'Cy'] })], 'Owls')
    expect(answered[1]).toContain('Ana and Cy said "I\'m here"; talk in: mutual conversations Owls')
    expect(answered.join('\n')).not.toContain('No one has answered')

    expect(reachOutLines([reach()], 'Owls')[1]).toMatch(
      /open; say "I'm here" with: mutual answer Owls 0123456789abcdef$/
    )
    expect(reachOutLines([reach({ answered: true })], 'Owls')[1]).toMatch(/ · someone has answered$/)
    expect(reachOutLines([reach({ closed: true })], 'Owls')[1]).toMatch(/ · closed$/)
    expect(reachOutLines([], 'Owls')[0]).toMatch(/^No reach-outs here right now\./)
  })

  it('conversations: every kind of line says who did what, oldest first, and a closed one says how to reopen', () => {
    const at = Date.UTC(2025, 0, 2, 3, 4)
    const c: Conversation = {
      memberId: ID,
      member: 'Ana',
      closed: true,
      closedByMe: false,
      lastAt: at,
      lastSeq: 7,
      unread: 2,
      last: { kind: 'close', seq: 7, fromMe: false, at },
      entries: [
        { kind: 'reach', context: null, seq: 1, fromMe: true, at },
        { kind: 'answer', reachId: null, seq: 2, fromMe: false, at },
        { kind: 'message', text: 'two\nlines', seq: 3, fromMe: false, at },
        { kind: 'check-on-me', note: 'tomorrow?', seq: 4, fromMe: true, at },
        { kind: 'plan', version: 3, seq: 5, fromMe: false, at },
        { kind: 'plan-revoke', seq: 6, fromMe: false, at },
        { kind: 'close', seq: 7, fromMe: false, at }
      ]
    }
    const when = new Date(at).toLocaleString()
    expect(conversationLines(c, 'Owls', 'Ana').slice(2)).toEqual([
      `${when} · You reached out to Ana privately`,
      `${when} · Ana said "I'm here" to your reach-out`,
      `${when} · Ana: two`,
      '    lines',
      `${when} · You asked Ana to check on you: "tomorrow?"`,
      `${when} · Ana shared their support plan with you (version 3)`,
      `${when} · Ana stopped sharing their support plan with you`,
      `${when} · Ana closed the conversation`,
      '',
      'Ana closed this conversation. Writing again opens it: mutual say Owls Ana TEXT'
    ])
    expect(conversationSummaryLine(c)).toBe(
      `Ana  (2 unread, closed by Ana) · ${when} · Ana closed the conversation`
    )
  })

  it('plan: an unwritten plan says how to write one; a written one says who it is shared with', () => {
    const empty: SupportPlan = {
      helps: '',
      doesNotHelp: '',
      contacts: '',
      notInvolve: '',
      fromSupporters: '',
      version: 0,
      updatedAt: null
    }
    expect(myPlanLines(empty, [])[0]).toMatch(/^You have not written a support plan yet/)
    const written = myPlanLines({ ...empty, helps: 'A walk', version: 2 }, [])
    expect(written.slice(0, 5)).toEqual(['Your support plan (version 2)', '', 'What helps', '  A walk', ''])
    expect(written).toContain("What doesn't help")
    expect(written).toContain('  (nothing written)')
    expect(written.at(-1)).toMatch(/^Shared with nobody: it is only on this device\./)
    const shared = myPlanLines({ ...empty, version: 1 }, [
      { communityId: 'c', memberId: ID, member: 'Ana' },
      { communityId: 'c', memberId: ID, member: 'Ben' }
    ])
    expect(shared.at(-1)).toBe('Shared with Ana and Ben; each edit reaches them too.')
    expect(nameList(['Ana', 'Ben', 'Cy'])).toBe('Ana, Ben and Cy')
  })
})
