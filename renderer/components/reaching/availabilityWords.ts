// A member's availability in a few words, like "open to listen: evenings".
import type { Availability } from '../../../core/domain/reaching.js'
import { strings } from '../../strings/index.js'

export function availabilityWords(availability: Availability): string {
  const short = strings.availability.kinds[availability.kind].short
  return availability.note ? `${short}: ${availability.note}` : short
}
