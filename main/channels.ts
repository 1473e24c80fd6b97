// IPC channel names shared by the preload and the main process, in one place
// so a rename cannot leave one side listening to nothing.
export const CHANNELS = {
  /** renderer → main, once per page load: "send me a port to the engine". */
  connect: 'mutual:connect',
  /** main → renderer: a MessagePort to the engine (again after every engine restart). */
  port: 'mutual:port',
  /** main → renderer: EngineStatus. */
  status: 'mutual:engine-status',
  /** renderer → main (invoke): open an https link after the person confirms. */
  openExternal: 'mutual:open-external',
  /** renderer → main: the renderer's unread count (a refresh hint; see badge.ts). */
  badge: 'mutual:badge',
  /** main → renderer: an OS notification was clicked; open this thread. */
  openThread: 'mutual:open-thread'
} as const
