// Writing your support plan: five plain questions. Saved only on this
// device, encrypted; whoever you shared it with gets the new version.
import { useEffect, useId, useState } from 'react'
import { LIMITS } from '../../../core/domain/limits.js'
import type { SupportPlan, SupportPlanContent } from '../../../core/domain/reaching.js'
import { useAction, useEngine } from '../../engine/hooks.js'
import { strings } from '../../strings/index.js'
import { PLAN_FIELDS } from './PlanFields.js'
import { FormActions } from '../FormActions.js'

function contentOf(plan: SupportPlan): SupportPlanContent {
  const { helps, doesNotHelp, contacts, notInvolve, fromSupporters } = plan
  return { helps, doesNotHelp, contacts, notInvolve, fromSupporters }
}

export function PlanForm({
  plan,
  shareCount,
  onSaved
}: {
  plan: SupportPlan
  /** How many people it is shared with, in every community. */
  shareCount: number
  onSaved: () => void
}) {
  const engine = useEngine()
  const id = useId()
  const s = strings.plan
  const [value, setValue] = useState<SupportPlanContent>(() => contentOf(plan))
  const [said, setSaid] = useState('')
  // A newer version saved elsewhere (another window) replaces what is shown.
  useEffect(() => setValue(contentOf(plan)), [plan.version])
  const save = useAction(async () => engine.call('plan.save', { plan: value }))
  return (
    <form
      className="stack plan-form"
      onSubmit={async (event) => {
        event.preventDefault()
        setSaid('')
        const result = await save.run()
        if (!result) return
        setSaid(
          result.unsent > 0 ? s.unsent(result.unsent) : shareCount > 0 ? s.savedShared(shareCount) : s.saved
        )
        onSaved()
      }}
    >
      {PLAN_FIELDS.map((field) => (
        <div className="field" key={field}>
          <label htmlFor={`${id}-${field}`}>{s.fields[field]}</label>
          <textarea
            id={`${id}-${field}`}
            rows={3}
            maxLength={LIMITS.planField}
            value={value[field]}
            onChange={(e) => {
              setSaid('')
              setValue({ ...value, [field]: e.target.value })
            }}
          />
        </div>
      ))}
      <FormActions
        error={save.error}
        status={
          <span role="status" className="saved">
            {said}
          </span>
        }
        submitLabel={save.pending ? s.saving : s.save}
        disabled={save.pending}
      />
    </form>
  )
}
