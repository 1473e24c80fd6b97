// The whole window: first run, or your communities beside the one you are in.
import { useEffect, useRef, useState } from 'react'
import type { SyncStatus } from '../core/domain/types.js'
import { CommunityView } from './components/CommunityView.js'
import { CreateCommunity } from './components/CreateCommunity.js'
import { Dialog } from './components/Dialog.js'
import { DeviceDialog } from './components/device/DeviceDialog.js'
import { EngineNotice } from './components/EngineNotice.js'
import { ErrorText } from './components/ErrorText.js'
import { JoinCommunity } from './components/JoinCommunity.js'
import { LinkToOther } from './components/device/LinkToOther.js'
import { Restore } from './components/device/Restore.js'
import { Sidebar } from './components/Sidebar.js'
import { Welcome } from './components/Welcome.js'
import { useAction, useEngine, useLive } from './engine/hooks.js'
import { strings } from './strings/index.js'
import { ReachNotices } from './components/reaching/ReachNotices.js'
import type { ReachingView } from './components/reaching/ReachNotices.js'
import type { OpenRequest } from './components/CommunityView.js'
import type { ThreadTarget } from './engine/connection.js'
import './App.css'
import { Button } from './components/Button.js'

export function App() {
  const engine = useEngine()
  const communities = useLive(
    () => engine.call('communities.list', {}),
    [],
    (e) => e.type === 'communities-changed' || e.type === 'community-changed'
  )
  const statuses = useLive(
    () => engine.call('sync.status', {}),
    [],
    (e) => e.type === 'sync-changed' || e.type === 'communities-changed'
  )
  const [selected, setSelected] = useState<string | null>(null)
  const [dialog, setDialog] = useState<'start' | 'join' | 'device' | 'link' | 'restore' | null>(null)
  const [linkCode, setLinkCode] = useState('')
  const [wiped, setWiped] = useState(false)
  const [firstRun, setFirstRun] = useState<boolean | null>(null)
  const [lastOnline, setLastOnline] = useState(true)
  const [openRequest, setOpenRequest] = useState<OpenRequest | null>(null)
  const [viewing, setViewing] = useState<ReachingView | null>(null)
  const open = (target: ThreadTarget) => {
    setSelected(target.communityId)
    setOpenRequest({ target, at: Date.now() })
  }
  const opener = useRef(open)
  opener.current = open
  useEffect(() => engine.onOpenThread((target) => opener.current(target)), [engine])
  const setOnline = useAction(async (online: boolean) => {
    const result = await engine.call('network.setOnline', { online })
    setLastOnline(result.online)
    statuses.reload()
  })

  const list = communities.data
  // First run lasts until the person has started or joined a community, even
  // while a joined community is already syncing in the background.
  useEffect(() => {
    if (list && firstRun === null) setFirstRun(list.length === 0)
  }, [list, firstRun])

  const total = (list ?? []).reduce((sum, c) => sum + c.unread, 0)
  useEffect(() => {
    if (list) engine.setBadgeCount(total)
  }, [engine, list, total])

  const enter = (id: string) => {
    communities.reload()
    setSelected(id)
    setDialog(null)
    setFirstRun(false)
  }

  const leaveDevicesDialog = (id: string | null) => (id ? enter(id) : setDialog(null))

  if (wiped) {
    return (
      <main className="loading" id="content">
        <p className="brand">{strings.appName}</p>
        <p role="status">{strings.device.wiped}</p>
      </main>
    )
  }

  if (!list || firstRun === null) {
    return (
      <>
        <EngineNotice />
        <main className="loading" id="content">
          <p className="brand">{strings.appName}</p>
          {communities.error ? (
            <ErrorText error={communities.error} />
          ) : (
            <p role="status">{strings.post.loading}</p>
          )}
        </main>
      </>
    )
  }

  const deviceDialog =
    dialog === 'device' ? (
      <Dialog title={strings.device.title} onClose={() => setDialog(null)} className="device-dialog">
        <DeviceDialog onWiped={() => setWiped(true)} />
      </Dialog>
    ) : null

  if (firstRun) {
    return (
      <>
        <EngineNotice />
        <Welcome onEntered={enter} onDevice={() => setDialog('device')} />
        {deviceDialog}
      </>
    )
  }

  const current = list.find((c) => c.id === selected) ?? list[0] ?? null
  const status: SyncStatus | undefined = statuses.data?.find((s) => s.communityId === current?.id)
  const online = statuses.data && statuses.data.length > 0 ? statuses.data.some((s) => s.online) : lastOnline
  const defaultName = current?.myName ?? ''

  return (
    <div className="app">
      <a className="skip-link" href="#content">
        {strings.skipToContent}
      </a>
      <EngineNotice />
      <Sidebar
        communities={list}
        current={current?.id ?? null}
        onSelect={setSelected}
        onStart={() => setDialog('start')}
        onJoin={() => setDialog('join')}
        onDevice={() => setDialog('device')}
      />
      <main className="main">
        <ReachNotices communities={list} viewing={viewing} onOpen={open} />
        {current ? (
          <CommunityView
            key={current.id}
            community={current}
            status={status}
            online={online}
            onSetOnline={(on) => void setOnline.run(on)}
            request={openRequest?.target.communityId === current.id ? openRequest : null}
            onViewing={setViewing}
          />
        ) : (
          <div className="empty-main" id="content">
            <p className="lead">{strings.welcome.intro}</p>
          </div>
        )}
        <ErrorText error={setOnline.error} />
      </main>
      {dialog === 'start' ? (
        <Dialog title={strings.create.title} onClose={() => setDialog(null)}>
          <CreateCommunity defaultName={defaultName} onCreated={enter} onCancel={() => setDialog(null)} />
        </Dialog>
      ) : null}
      {deviceDialog}
      {dialog === 'join' ? (
        <Dialog title={strings.join.title} onClose={() => setDialog(null)}>
          <JoinCommunity
            defaultName={defaultName}
            onJoined={enter}
            onCancel={() => setDialog(null)}
            onLink={(code) => {
              setLinkCode(code)
              setDialog('link')
            }}
          />
          <div className="other-ways">
            <p className="hint">{strings.join.otherWays}</p>
            <div className="actions">
              <Button
                tone="quiet"
                onClick={() => {
                  setLinkCode('')
                  setDialog('link')
                }}
              >
                {strings.join.link}
              </Button>
              <Button tone="quiet" onClick={() => setDialog('restore')}>
                {strings.join.restore}
              </Button>
            </div>
          </div>
        </Dialog>
      ) : null}
      {dialog === 'link' ? (
        <Dialog title={strings.linkToOther.title} onClose={() => setDialog(null)}>
          <LinkToOther
            initialCode={linkCode}
            onDone={leaveDevicesDialog}
            onCancel={() => setDialog('join')}
          />
        </Dialog>
      ) : null}
      {dialog === 'restore' ? (
        <Dialog title={strings.restore.title} onClose={() => setDialog(null)}>
          <Restore onDone={leaveDevicesDialog} onCancel={() => setDialog('join')} />
        </Dialog>
      ) : null}
    </div>
  )
}
