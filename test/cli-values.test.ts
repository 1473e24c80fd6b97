// Flag values the CLI checks itself before asking the daemon.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import {
  changeRequestFrom,
  parsePostId,
  parseProposalId,
  parseSettingAssignments,
  readTextFile,
  requireReason
} from '../cli/change.js'
import { UsageError } from '../cli/failure.js'
import { formatDuration, parseDuration, parseReachId, parseWholeNumber } from '../cli/values.js'
import { availabilityFrom } from '../cli/commands/reaching.js'
import { editedPlan } from '../cli/commands/plan.js'
import { resourceFrom } from '../cli/commands/resources.js'

describe('cli values: behaviour', () => {
  it('reads durations written as 30m, 1h, 7d, 2w or 1h30m', () => {
    expect(parseDuration('--expires', '30m')).toBe(30 * 60_000)
    expect(parseDuration('--expires', '1h')).toBe(3_600_000)
    expect(parseDuration('--expires', '7d')).toBe(7 * 86_400_000)
    expect(parseDuration('--expires', '2w')).toBe(14 * 86_400_000)
    expect(parseDuration('--expires', '1h30m')).toBe(90 * 60_000)
  })

  it('rejects durations without a unit or with words, naming the flag', () => {
    for (const bad of ['', '10', 'soon', '1 h', '-1h', '1y']) {
      expect(() => parseDuration('--expires', bad)).toThrow(UsageError)
    }
    expect(() => parseDuration('--expires', 'soon')).toThrow(/--expires/)
  })

  it('accepts only whole numbers within bounds', () => {
    expect(parseWholeNumber('--limit', '20', 1, 200)).toBe(20)
    for (const bad of ['0', '201', 'ten', '1.5', '-3', '']) {
      expect(() => parseWholeNumber('--limit', bad, 1, 200)).toThrow(
        /--limit must be a whole number from 1 to 200/
      )
    }
  })

  it('writes durations back in the largest whole unit', () => {
    expect(formatDuration(90 * 86_400_000)).toBe('90d')
    expect(formatDuration(90 * 60_000)).toBe('90m')
  })
})

describe('cli values: proposed changes', () => {
  it('reads settings written as KEY=VALUE, in any case, into the engine names', () => {
    expect(
      parseSettingAssignments([
        'invite=second-member',
        'flags-to-hide=3',
        'removal=Two-Thirds',
        'consent=everyone',
        'default-reply-mode=listen'
      ])
    ).toEqual({
      invite: 'second-member',
      flagsToHide: 3,
      removal: 'two-thirds',
      consent: 'everyone',
      defaultReplyMode: 'listen'
    })
    expect(parseSettingAssignments([' FLAGS-TO-HIDE = 20'])).toEqual({ flagsToHide: 20 })
  })

  it('names the unknown setting and lists the real ones', () => {
    expect(() => parseSettingAssignments(['colour=blue'])).toThrow(
      'unknown setting "colour" for --set; the settings are invite, flags-to-hide, removal, consent, default-reply-mode'
    )
    expect(() => parseSettingAssignments(['flagsToHide=2'])).toThrow(/unknown setting "flagsToHide"/)
  })

  it('rejects bad values with the setting and the allowed values', () => {
    expect(() => parseSettingAssignments(['invite=nobody'])).toThrow(
      '--set invite must be one of anyone, second-member (got "nobody")'
    )
    for (const bad of ['0', '21', 'two', '1.5', '']) {
      expect(() => parseSettingAssignments([`flags-to-hide=${bad}`])).toThrow(
        /--set flags-to-hide must be a whole number from 1 to 20/
      )
    }
    expect(() => parseSettingAssignments(['removal=most'])).toThrow(
      '--set removal must be one of majority, two-thirds, everyone'
    )
    expect(() => parseSettingAssignments(['consent=half'])).toThrow(/--set consent must be one of/)
    expect(() => parseSettingAssignments(['default-reply-mode=shout'])).toThrow(
      '--set default-reply-mode must be one of listen, share, ideas'
    )
  })

  it('asks for KEY=VALUE, and for each setting once', () => {
    for (const bad of ['invite', '=anyone', '']) {
      expect(() => parseSettingAssignments([bad])).toThrow(/--set needs KEY=VALUE/)
    }
    expect(() => parseSettingAssignments(['invite=anyone', 'invite=second-member'])).toThrow(
      '--set invite is given more than once'
    )
  })

  it('takes exactly one change flag', () => {
    expect(() => changeRequestFrom({ reason: 'x' }, 'propose')).toThrow(/^propose needs what to change/)
    expect(() => changeRequestFrom({ set: [] }, 'propose')).toThrow(/needs what to change/)
    expect(() => changeRequestFrom({ set: ['invite=anyone'], remove: 'Ben' }, 'revise')).toThrow(
      /^revise changes one thing at a time: .* \(got --set and --remove\)$/
    )
    expect(changeRequestFrom({ 'agreements-file': 'a.txt' }, 'propose')).toEqual({
      kind: 'agreements',
      file: 'a.txt'
    })
    expect(changeRequestFrom({ 'confidentiality-file': 'c.txt' }, 'propose')).toEqual({
      kind: 'confidentiality',
      file: 'c.txt'
    })
    expect(changeRequestFrom({ set: ['consent=everyone'] }, 'propose')).toEqual({
      kind: 'settings',
      settings: { consent: 'everyone' }
    })
    expect(changeRequestFrom({ remove: ' Ben ' }, 'propose')).toEqual({ kind: 'removal', member: 'Ben' })
    expect(changeRequestFrom({ review: '0123456789ABCDEF' }, 'propose')).toEqual({
      kind: 'review',
      postId: '0123456789abcdef'
    })
  })

  it('checks the values of change flags', () => {
    expect(() => changeRequestFrom({ remove: '  ' }, 'propose')).toThrow(
      "--remove needs a member's name or id"
    )
    expect(() => changeRequestFrom({ review: 'abc' }, 'propose')).toThrow(
      '--review must be a post id: 16 hex characters (got "abc")'
    )
    expect(() => changeRequestFrom({ 'agreements-file': '' }, 'propose')).toThrow(
      '--agreements-file needs the path of a text file'
    )
    expect(() => parseProposalId('xyz')).toThrow('a proposal id is 16 hex characters (got "xyz")')
    expect(parseProposalId('00112233AABBCCDD')).toBe('00112233aabbccdd')
    expect(() => parsePostId('POST', '123')).toThrow(/^POST must be a post id/)
  })

  it('requires a reason, within the limit', () => {
    expect(requireReason({ reason: '  because  ' }, 'propose COMMUNITY')).toBe('because')
    for (const flags of [{}, { reason: '' }, { reason: '   ' }]) {
      expect(() => requireReason(flags, 'propose COMMUNITY')).toThrow(/^--reason is required/)
    }
    expect(() => requireReason({ reason: 'x'.repeat(501) }, 'flag', 500)).toThrow(
      '--reason is at most 500 characters (got 501)'
    )
  })
})

describe('cli values: text files', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'mutual-cli-values-'))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))
  const file = (name: string, bytes: string | Buffer): string => {
    const where = path.join(dir, name)
    writeFileSync(where, bytes)
    return where
  }

  it('reads UTF-8 text, dropping a byte-order mark, Windows line endings and trailing blank lines', () => {
    const where = file(
      'ok.txt',
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('Wir hören zu.\r\nNo advice.\r\n\r\n')])
    )
    expect(readTextFile('--agreements-file', where)).toBe('Wir hören zu.\nNo advice.')
  })

  it('says plainly when a file is missing, a folder, not UTF-8, binary, empty or too long', () => {
    expect(() => readTextFile('--agreements-file', path.join(dir, 'missing.txt'))).toThrow(
      /^--agreements-file: there is no file .*missing\.txt$/
    )
    expect(() => readTextFile('--agreements-file', dir)).toThrow(/is a folder, not a text file$/)
    expect(() =>
      readTextFile('--confidentiality-file', file('latin1.txt', Buffer.from([0x63, 0x61, 0x66, 0xe9])))
    ).toThrow(/^--confidentiality-file: .*latin1\.txt is not UTF-8 text$/)
    expect(() => readTextFile('--agreements-file', file('nul.bin', Buffer.from([0x61, 0x00, 0x62])))).toThrow(
      /is not plain text/
    )
    expect(() => readTextFile('--agreements-file', file('blank.txt', ' \n\n\t\n'))).toThrow(
      /blank\.txt is empty$/
    )
    expect(() => readTextFile('--agreements-file', file('long.txt', 'x'.repeat(11)), 10)).toThrow(
      /long\.txt has 11 characters; the limit is 10$/
    )
    expect(() => readTextFile('--agreements-file', dir)).toThrow(UsageError)
  })

  it('reads an availability status with its note and limit; none clears it, and a limit goes only with open', () => {
    expect(availabilityFrom('open', ' evenings ', '2')).toEqual({ kind: 'open', note: 'evenings', limit: 2 })
    expect(availabilityFrom('Talk', undefined, undefined)).toEqual({ kind: 'talk', note: null, limit: null })
    expect(availabilityFrom('resting', '  ', undefined)).toEqual({ kind: 'resting', note: null, limit: null })
    expect(availabilityFrom('none', undefined, undefined)).toBeNull()
    expect(() => availabilityFrom('talk', undefined, '2')).toThrow(/^--limit goes with open/)
    expect(() => availabilityFrom('none', 'x', undefined)).toThrow(/takes no --note or --limit/)
    expect(() => availabilityFrom('open', undefined, '0')).toThrow(
      /--limit must be a whole number from 1 to 20/
    )
    expect(() => availabilityFrom('away', undefined, undefined)).toThrow(UsageError)
  })

  it('reads a resource from --kind, --name and --contact, requiring the first two', () => {
    const usage = 'add-resource ...'
    expect(resourceFrom({ kind: 'Warmline', name: ' Evening line ', contact: ' ' }, usage)).toEqual({
      kind: 'warmline',
      name: 'Evening line',
      contact: null
    })
    expect(resourceFrom({ kind: 'group', name: 'Tuesdays', contact: 'the library' }, usage).contact).toBe(
      'the library'
    )
    expect(() => resourceFrom({ name: 'x' }, usage)).toThrow(
      /^--kind is required: one of warmline, peer-line,/
    )
    expect(() => resourceFrom({ kind: 'hotline', name: 'x' }, usage)).toThrow(/^--kind must be one of/)
    expect(() => resourceFrom({ kind: 'group', name: '  ' }, usage)).toThrow(/^--name is required/)
  })

  it('edits only the parts of a plan given as flags, and "" empties a part', () => {
    const current = {
      helps: 'A walk',
      doesNotHelp: 'Advice',
      contacts: 'My sister',
      notInvolve: '',
      fromSupporters: ''
    }
    expect(editedPlan(current, { contacts: 'My brother\r\nor my sister ', 'does-not-help': '' })).toEqual({
      ...current,
      doesNotHelp: '',
      contacts: 'My brother\nor my sister'
    })
    expect(() => editedPlan(current, { note: 'x' })).toThrow(/^edit-plan needs at least one of --helps, /)
  })

  it('accepts reach-out ids of 16 hex characters only', () => {
    expect(parseReachId(' 0123456789ABCDEF ')).toBe('0123456789abcdef')
    for (const bad of ['', '0123', 'g123456789abcdef', '0123456789abcdef0']) {
      expect(() => parseReachId(bad)).toThrow(/^a reach-out id is 16 hex characters/)
    }
  })
})
