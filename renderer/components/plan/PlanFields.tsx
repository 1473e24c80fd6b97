// A support plan to read: its five parts, in the order they were written.
import type { SupportPlanContent } from '../../../core/domain/reaching.js'
import { strings } from '../../strings/index.js'
import './PlanFields.css'

export const PLAN_FIELDS = ['helps', 'doesNotHelp', 'contacts', 'notInvolve', 'fromSupporters'] as const

export function PlanFields({ plan }: { plan: SupportPlanContent }) {
  const s = strings.plan
  return (
    <dl className="plan-fields">
      {PLAN_FIELDS.map((field) => (
        <div key={field} className="plan-field">
          <dt>{s.fields[field]}</dt>
          <dd className={plan[field].trim() ? undefined : 'hint'}>{plan[field].trim() || s.empty}</dd>
        </div>
      ))}
    </dl>
  )
}
