// The CLI's plain-words output for self-governance and collapsed posts.
import { describe, expect, it } from 'vitest'
import { DEFAULT_SETTINGS } from '../core/domain/governance.js'
import type { GovernanceState, LogEntry, Post, Proposal } from '../core/domain/types.js'
import { presentPost, threadLines } from '../cli/format.js'
import {
  agreementsLines,
  describeChange,
  logLine,
  proposalLines,
  settingsLines
} from '../cli/format-governance.js'

const BEN = 'b'.repeat(64)
const names = (id: string): string => (id === BEN ? 'Ben' : 'someone')

function post(over: Partial<Post> = {}): Post {
  return {
    id: '0123456789abcdef',
    topic: 'general',
    replyTo: null,
    root: '0123456789abcdef',
    authorId: 'a'.repeat(64),
    author: 'Ana',
    authorMarker: 'k3x9',
    text: 'The words of the post',
    mode: 'share',
    note: null,
    createdAt: 0,
    editedAt: null,
    deleted: false,
    reactions: { 'me-too': 0, 'hear-you': 0, thanks: 0 },
    myReactions: [],
    replyCount: 0,
    mine: false,
    state: 'confirmed',
    seq: 1,
    flags: [],
    flaggedByMe: false,
    collapsed: false,
    hiddenByMe: false,
    authorMuted: false,
    mood: null,
    resource: null,
    ...over
  }
}

function logEntry(over: Partial<LogEntry>): LogEntry {
  return {
    n: 1,
    kind: 'agreed',
    actorId: null,
    actor: null,
    memberId: null,
    member: null,
    postId: null,
    proposalId: null,
    change: null,
    reason: null,
    at: null,
    ...over
  }
}

const flagged = { flags: [{ byId: BEN, by: 'Ben', reason: 'too much detail' }] }

describe('cli format: behaviour', () => {
  it('says what the settings mean for the community at its size today', () => {
    const lines = settingsLines(DEFAULT_SETTINGS, 2)
    expect(lines).toEqual([
      "Any member's invite works at once.",
      'A post is collapsed for everyone once 2 members flag it; anyone can still open it on purpose.',
      expect.stringMatching(
        /majority of the members, and nobody objecting \(.*with 2 agreed members now, that is 2\)\.$/
      ),
      expect.stringMatching(/^Removing a member .*not possible with 1 other agreed member now\)\.$/),
      'New posts ask for "share yours" replies unless their author chooses.',
      'Decisions are counted among members who finished joining and said "I agree".'
    ])
    expect(
      settingsLines({ ...DEFAULT_SETTINGS, invite: 'second-member', flagsToHide: 1 }, 5).slice(0, 2)
    ).toEqual([
      'Each invite works only after a second member seconds it.',
      'A post is collapsed for everyone once 1 member flags it; anyone can still open it on purpose.'
    ])
  })

  it('describes a change in the words of the command line and in plain words', () => {
    expect(
      describeChange({ kind: 'settings', settings: { flagsToHide: 3, consent: 'everyone' } }, names)
    ).toBe(
      'change settings: flags-to-hide=3 (a post is collapsed for everyone once 3 members flag it); ' +
        'consent=everyone (decisions other than removing a member need the consent of all of the members)'
    )
    expect(describeChange({ kind: 'removal', member: BEN }, names)).toBe('remove Ben from the community')
    expect(describeChange({ kind: 'agreements', text: 'x' }, names)).toBe('new agreements text')
  })

  it('shows a proposal with its proposer, change, reason, count, objections and my stance', () => {
    const proposal: Proposal = {
      id: 'fedcba9876543210',
      authorId: BEN,
      author: 'Ben',
      mine: false,
      change: { kind: 'agreements', text: 'We listen.\nWe speak for ourselves.' },
      reason: 'Shorter',
      revision: 1,
      status: 'open',
      createdAt: 0,
      responses: [
        { memberId: BEN, name: 'Ben', stance: 'consent', note: null },
        { memberId: 'c'.repeat(64), name: 'Cy', stance: 'object', note: 'too short' }
      ],
      myStance: null,
      consents: 1,
      objections: 1,
      required: 2,
      aboutMe: false,
      stale: false
    }
    expect(proposalLines(proposal, names)).toEqual([
      'fedcba9876543210  open; proposed by Ben',
      '  Changes: new agreements text',
      '  Reason: Shorter',
      '  Consents: 1 of 2 needed; objections: 1',
      '  You: you have not responded',
      '  Responses: Ben consents; Cy objects: "too short"',
      '  Proposed agreements text:',
      '',
      '    We listen.',
      '    We speak for ourselves.'
    ])
    const aboutMe = proposalLines(
      { ...proposal, change: { kind: 'removal', member: BEN }, aboutMe: true },
      names
    )
    expect(aboutMe[1]).toBe('  Changes: remove Ben from the community')
    expect(aboutMe[4]).toMatch(/about you: you are told, and your response is not counted/)
  })

  it('tells a member whether they have agreed, and to which version', () => {
    const state: GovernanceState = {
      agreements: {
        version: 2,
        text: 'We listen.',
        confidentiality: 'It stays here.',
        proposalId: 'fedcba9876543210'
      },
      myAgreedVersion: null,
      settings: DEFAULT_SETTINGS,
      version: 3,
      newestVersion: 3,
      currentMembers: 2,
      openProposals: 1,
      removed: null
    }
    const fresh = agreementsLines(state, 'Night owls', "'Night owls'")
    expect(fresh[0]).toBe('Agreements of Night owls (version 2, adopted by proposal fedcba9876543210)')
    expect(fresh).toContain('  We listen.')
    expect(fresh).toContain('Confidentiality')
    expect(fresh).toContain('  It stays here.')
    expect(fresh).toContain("When you have read the above, run: mutual agree 'Night owls'")
    expect(fresh.at(-1)).toBe("1 open proposal to respond to: see mutual proposals 'Night owls'")
    expect(agreementsLines({ ...state, myAgreedVersion: 1 }, 'N', 'N')).toContain(
      'You agreed to version 1. Version 2 is newer: read it above, then run: mutual agree N'
    )
    expect(agreementsLines({ ...state, myAgreedVersion: 2 }, 'N', 'N')).toContain(
      'You agreed to this version (2).'
    )
  })

  it('writes each log entry as a sentence saying who acted, on what, and why', () => {
    const at = Date.UTC(2025, 0, 2, 3, 4)
    expect(
      logLine(
        logEntry({
          n: 7,
          kind: 'flagged',
          actor: 'Ben',
          member: 'Ana',
          postId: '0123456789abcdef',
          reason: 'too much',
          at
        })
      )
    ).toBe(
      `#7  ${new Date(at).toLocaleString()} · Ben flagged Ana's post 0123456789abcdef, because: too much`
    )
    expect(
      logLine(
        logEntry({ n: 8, kind: 'collapsed', member: 'Ana', postId: '0123456789abcdef', reason: 'a\nb' })
      )
    ).toBe("#8  Ana's post 0123456789abcdef was collapsed for everyone after flags: a; b")
    expect(
      logLine(
        logEntry({
          n: 9,
          kind: 'adopted',
          proposalId: 'fedcba9876543210',
          change: { kind: 'settings', settings: { invite: 'second-member' } }
        })
      )
    ).toBe(
      '#9  The community adopted proposal fedcba9876543210: change settings: invite=second-member (each invite works only after a second member seconds it)'
    )
    expect(
      logLine(
        logEntry({
          n: 10,
          kind: 'removed',
          memberId: BEN,
          member: 'Ben',
          proposalId: 'fedcba9876543210',
          reason: 'repeated harm'
        })
      )
    ).toBe('#10  The community removed Ben (proposal fedcba9876543210), because: repeated harm')
    expect(logLine(logEntry({ n: 1, kind: 'agreed', actor: 'Ana' }))).toBe(
      '#1  Ana said "I agree" to the agreements'
    )
  })

  it('shows a collapsed, hidden or muted post collapsed with the reasons, not its text, unless asked', () => {
    const collapsed = post({ ...flagged, collapsed: true })
    const lines = threadLines({ root: collapsed, replies: [] })
    expect(lines.join('\n')).not.toContain('The words of the post')
    expect(lines[1]).toBe(
      '  [collapsed for everyone after flags: Ben: "too much detail"; show it with --show-collapsed]'
    )
    expect(threadLines({ root: collapsed, replies: [] }, true)).toContain('  The words of the post')
    expect(threadLines({ root: post({ hiddenByMe: true }), replies: [] })[1]).toMatch(
      /hidden on this device only/
    )
    expect(threadLines({ root: post({ authorMuted: true }), replies: [] })[1]).toMatch(
      /Ana is muted on this device/
    )
    // Flagged, not yet collapsed: the text shows, and so do the flags.
    expect(threadLines({ root: post(flagged), replies: [] }).slice(1)).toEqual([
      '  [flagged by Ben: "too much detail"]',
      '  The words of the post'
    ])

    expect(presentPost(collapsed, false).text).toBeNull()
    expect(presentPost(collapsed, true).text).toBe('The words of the post')
    expect(presentPost(post({ authorMuted: true }), false).text).toBeNull()
    expect(presentPost(post(), false).text).toBe('The words of the post')
  })

  it('shows a resource by name, kind and contact, and keeps those back too when it is collapsed', () => {
    const resource = { kind: 'warmline', name: 'Evening warmline', contact: '0800 000 000' } as const
    const shared = post({ topic: 'resources', resource, text: 'Peer-run.' })
    expect(threadLines({ root: shared, replies: [] }).slice(1)).toEqual([
      '  Evening warmline (warmline) · 0800 000 000',
      '  Peer-run.'
    ])
    const hidden = post({ topic: 'resources', resource, hiddenByMe: true })
    expect(threadLines({ root: hidden, replies: [] }).join('\n')).not.toContain('0800')
    expect(presentPost(hidden, false)).toMatchObject({ text: null, resource: null })
    expect(presentPost(hidden, true).resource).toEqual(resource)
  })

  it('shows the mood word of a check-in', () => {
    expect(threadLines({ root: post({ topic: 'check-ins', mood: 'tired' }), replies: [] })[1]).toBe(
      '  [feeling: tired]'
    )
  })
})
