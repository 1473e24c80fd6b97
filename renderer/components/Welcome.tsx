// First run: what Mutual is, in two sentences, then start or join.
import { useState } from 'react'
import { strings } from '../strings/index.js'
import { CreateCommunity } from './CreateCommunity.js'
import { JoinCommunity } from './JoinCommunity.js'

export function Welcome({ onEntered, onDevice }: { onEntered: (id: string) => void; onDevice: () => void }) {
  const s = strings.welcome
  const [choice, setChoice] = useState<'start' | 'join' | null>(null)
  return (
    <main className="welcome" id="content">
      <div className="welcome-card">
        <p className="brand" aria-hidden="true">
          {strings.appName}
        </p>
        <h1>{s.title}</h1>
        <p className="lead">{s.intro}</p>
        <p className="lead">{s.noCompany}</p>
        {choice === null ? (
          <div className="welcome-choices">
            <button type="button" className="choice" onClick={() => setChoice('start')}>
              <span className="choice-title">{s.start}</span>
              <span className="choice-hint">{s.startHint}</span>
            </button>
            <button type="button" className="choice" onClick={() => setChoice('join')}>
              <span className="choice-title">{s.join}</span>
              <span className="choice-hint">{s.joinHint}</span>
            </button>
          </div>
        ) : (
          <section className="welcome-form" aria-labelledby="welcome-form-title">
            <h2 id="welcome-form-title">{choice === 'start' ? strings.create.title : strings.join.title}</h2>
            {choice === 'start' ? (
              <CreateCommunity defaultName="" onCreated={onEntered} onCancel={() => setChoice(null)} />
            ) : (
              <JoinCommunity defaultName="" onJoined={onEntered} onCancel={() => setChoice(null)} />
            )}
          </section>
        )}
        <button type="button" className="button quiet welcome-device" onClick={onDevice}>
          {strings.device.open}
        </button>
      </div>
    </main>
  )
}
