// Every id and key that crosses a boundary (an op in the log, an RPC call, a
// file on disk, a message from a peer), declared once. Everything else takes
// its shape from here, so an id cannot be one length in the log and another
// in the RPC.
import { z } from 'zod'

/** Lowercase hex of exactly `bytes` bytes; `what` names it in the error a person sees. */
export const hexBytes = (bytes: number, what?: string) =>
  z
    .string()
    .regex(
      new RegExp(`^[0-9a-f]{${bytes * 2}}$`),
      what ? `${what} is ${bytes * 2} hex characters` : undefined
    )

/** A community's key in z-base-32, as invite keys and the app show it. */
export const communityId = z.string().regex(/^[a-z0-9]{52}$/, 'a community id is 52 letters and digits')
/** A member is named by the writer key they were admitted with. */
export const memberId = hexBytes(32, 'a member id')
export const writerKey = hexBytes(32, 'a writer key')
export const inviteId = hexBytes(32, 'an invite id')
export const postId = hexBytes(8, 'a post id')
export const proposalId = hexBytes(8, 'a proposal id')
export const reachId = hexBytes(8, 'a reach-out id')
/** The id a device chose for itself when it was linked. */
export const deviceId = hexBytes(16, 'a device id')
/** A link offer on this device, or a link attempt to another one. */
export const attemptId = hexBytes(8)

/** Whether `value` has the shape `schema` declares (for places that only need a yes or no). */
export const isId = (schema: z.ZodTypeAny, value: unknown): boolean => schema.safeParse(value).success
