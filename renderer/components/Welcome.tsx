// First run: what Mutual is, in two sentences, then start or join; or, for
// someone already a member elsewhere, link to another device or restore.
import { useState } from 'react'
import { strings } from '../strings/index.js'
import { CreateCommunity } from './CreateCommunity.js'
import { JoinCommunity } from './JoinCommunity.js'
import { LinkToOther } from './device/LinkToOther.js'
import { Restore } from './device/Restore.js'
import './Welcome.css'
import { Button } from './Button.js'

type Choice = 'start' | 'join' | 'link' | 'restore'

export function Welcome({ onEntered, onDevice }: { onEntered: (id: string) => void; onDevice: () => void }) {
  const s = strings.welcome
  const [choice, setChoice] = useState<Choice | null>(null)
  const [code, setCode] = useState('')
  const back = () => setChoice(null)
  const done = (id: string | null) => (id ? onEntered(id) : back())
  const titles: Record<Choice, string> = {
    start: strings.create.title,
    join: strings.join.title,
    link: strings.linkToOther.title,
    restore: strings.restore.title
  }
  const choices: { key: Choice; title: string; hint: string }[] = [
    { key: 'start', title: s.start, hint: s.startHint },
    { key: 'join', title: s.join, hint: s.joinHint },
    { key: 'link', title: s.link, hint: s.linkHint },
    { key: 'restore', title: s.restore, hint: s.restoreHint }
  ]
  return (
    <main className="welcome" id="content">
      <div className="welcome-card card card-raised">
        <p className="brand" aria-hidden="true">
          {strings.appName}
        </p>
        <h1>{s.title}</h1>
        <p className="lead">{s.intro}</p>
        <p className="lead">{s.noCompany}</p>
        {choice === null ? (
          <div className="welcome-choices">
            {choices.map((c) => (
              <button
                key={c.key}
                type="button"
                className="choice"
                onClick={() => {
                  setCode('')
                  setChoice(c.key)
                }}
              >
                <span className="choice-title">{c.title}</span>
                <span className="choice-hint">{c.hint}</span>
              </button>
            ))}
          </div>
        ) : (
          <section className="welcome-form" aria-labelledby="welcome-form-title">
            <h2 id="welcome-form-title">{titles[choice]}</h2>
            {choice === 'start' ? (
              <CreateCommunity defaultName="" onCreated={onEntered} onCancel={back} />
            ) : choice === 'join' ? (
              <JoinCommunity
                defaultName=""
                onJoined={onEntered}
                onCancel={back}
                onLink={(given) => {
                  setCode(given)
                  setChoice('link')
                }}
              />
            ) : choice === 'link' ? (
              <LinkToOther initialCode={code} onDone={done} onCancel={back} />
            ) : (
              <Restore onDone={done} onCancel={back} />
            )}
          </section>
        )}
        <Button tone="quiet" className="welcome-device" onClick={onDevice}>
          {strings.device.open}
        </Button>
      </div>
    </main>
  )
}
