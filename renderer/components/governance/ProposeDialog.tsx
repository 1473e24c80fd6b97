// Proposing a change, or revising your own proposal: the agreements, the
// confidentiality section or how the community works, always with a reason.
import { useId, useState } from 'react'
import type { FormEvent } from 'react'
import { requiredConsents } from '../../../core/domain/governance.js'
import type { Change } from '../../../core/domain/change.js'
import type { Settings } from '../../../core/domain/governance.js'
import { LIMITS } from '../../../core/domain/limits.js'
import type { GovernanceState, Proposal } from '../../../core/domain/types.js'
import { useAction, useEngine } from '../../engine/hooks.js'
import { strings } from '../../strings/index.js'
import { Dialog } from '../Dialog.js'
import { SettingsFields, changedSettings } from '../Settings.js'
import { FormActions } from '../FormActions.js'
import './ProposeDialog.css'

type Kind = 'agreements' | 'confidentiality' | 'settings' | 'version' | 'refound'

export function ProposeDialog({
  communityId,
  governance,
  revising,
  onClose
}: {
  communityId: string
  governance: GovernanceState
  /** Your open proposal, when revising it. */
  revising: Proposal | null
  onClose: () => void
}) {
  const engine = useEngine()
  const id = useId()
  const s = strings.propose
  const change = revising?.change
  const current = governance.agreements
  const [kind, setKind] = useState<Kind | 'removal' | 'review'>(change?.kind ?? 'agreements')
  // Newer rules are offered only while this Mutual knows a version the community has not adopted.
  const kinds: readonly Kind[] =
    governance.version < governance.newestVersion
      ? ['agreements', 'confidentiality', 'settings', 'version']
      : ['agreements', 'confidentiality', 'settings', 'refound']
  const [texts, setTexts] = useState({
    agreements: change?.kind === 'agreements' ? change.text : current.text,
    confidentiality: change?.kind === 'confidentiality' ? change.text : current.confidentiality
  })
  const [settings, setSettings] = useState<Settings>({
    ...governance.settings,
    ...(change?.kind === 'settings' ? change.settings : {})
  })
  const [reason, setReason] = useState(revising?.reason ?? '')
  const [problem, setProblem] = useState<string | null>(null)
  const send = useAction(async (next: Change) =>
    revising
      ? engine.call('proposals.revise', {
          communityId,
          proposalId: revising.id,
          change: next,
          reason: reason.trim()
        })
      : engine.call('proposals.create', { communityId, change: next, reason: reason.trim() })
  )

  /** The change as the form stands, or what is missing. */
  const build = (): Change | string => {
    if (kind === 'removal' || kind === 'review') return change ?? s.reasonNeeded
    if (kind === 'version') return { kind, version: governance.newestVersion }
    if (kind === 'refound') return { kind }
    if (kind === 'settings') {
      const changed = changedSettings(governance.settings, settings)
      return Object.keys(changed).length > 0 ? { kind, settings: changed } : s.settingsUnchanged
    }
    const text = texts[kind]
    if (!text.trim()) return s.textNeeded
    if (text.trim() === (kind === 'agreements' ? current.text : current.confidentiality).trim())
      return s.unchanged
    return { kind, text }
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    if (send.pending) return
    const next = build()
    const missing = typeof next === 'string' ? next : !reason.trim() ? s.reasonNeeded : null
    setProblem(missing)
    if (missing || typeof next === 'string') return
    if (await send.run(next)) onClose()
  }

  const rule = kind === 'removal' ? governance.settings.removal : governance.settings.consent
  const eligible = governance.currentMembers - (kind === 'removal' ? 1 : 0)
  return (
    <Dialog title={revising ? s.reviseTitle : s.title} onClose={onClose} className="propose-dialog">
      <form className="stack" onSubmit={submit} noValidate>
        {revising ? null : (
          <fieldset className="propose-kinds">
            <legend>{s.what}</legend>
            {kinds.map((k) => (
              <label key={k} className="check">
                <input type="radio" name={`${id}-kind`} checked={kind === k} onChange={() => setKind(k)} />
                {s.kinds[k]}
              </label>
            ))}
          </fieldset>
        )}
        {kind === 'agreements' || kind === 'confidentiality' ? (
          <div className="field">
            <label htmlFor={`${id}-text`}>{s.text[kind]}</label>
            <textarea
              id={`${id}-text`}
              className="agreements-editor"
              rows={12}
              maxLength={LIMITS.agreementsText}
              value={texts[kind]}
              onChange={(e) => setTexts({ ...texts, [kind]: e.target.value })}
            />
          </div>
        ) : kind === 'settings' ? (
          <SettingsFields value={settings} onChange={setSettings} />
        ) : kind === 'version' ? (
          <p className="hint">{s.versionHint(governance.version, governance.newestVersion)}</p>
        ) : kind === 'refound' ? (
          <p className="hint">{s.refoundHint}</p>
        ) : null}
        <div className="field">
          <label htmlFor={`${id}-reason`}>{s.reason}</label>
          <textarea
            id={`${id}-reason`}
            rows={3}
            maxLength={LIMITS.reason}
            value={reason}
            aria-describedby={`${id}-how`}
            onChange={(e) => setReason(e.target.value)}
          />
          <p className="hint" id={`${id}-how`}>
            {s.how(requiredConsents(rule, eligible))}
          </p>
        </div>
        {problem ? (
          <p className="field-error" role="alert">
            {problem}
          </p>
        ) : null}
        <FormActions
          error={send.error}
          cancel={{ label: s.cancel, onClick: onClose }}
          submitLabel={send.pending ? s.sending : revising ? s.submitRevision : s.submit}
          disabled={send.pending}
        />
      </form>
    </Dialog>
  )
}
