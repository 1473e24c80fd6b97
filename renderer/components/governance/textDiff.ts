// A plain line-by-line comparison of two versions of a text, for showing
// what a proposal would change. Blank lines only separate paragraphs, so
// they are left out of the comparison.

type DiffLine =
  | { kind: 'same' | 'added' | 'removed'; text: string }
  /** Unchanged lines folded away, far from any change. */
  | { kind: 'folded'; count: number }

const MAX_CELLS = 1_000_000

export function diffLines(before: string, after: string, context = 1): DiffLine[] {
  const a = lines(before)
  const b = lines(after)
  return fold(a.length * b.length > MAX_CELLS ? wholesale(a, b) : lcs(a, b), context)
}

function lines(text: string): string[] {
  return text
    .split('\n')
    .map((l) => l.trimEnd())
    .filter((l) => l.trim() !== '')
}

function wholesale(a: string[], b: string[]): DiffLine[] {
  return [
    ...a.map((text) => ({ kind: 'removed' as const, text })),
    ...b.map((text) => ({ kind: 'added' as const, text }))
  ]
}

/** Longest common subsequence over lines: what stays, what goes, what comes. */
function lcs(a: string[], b: string[]): DiffLine[] {
  const width = b.length + 1
  const table = new Uint32Array((a.length + 1) * width)
  for (let i = a.length - 1; i >= 0; i--)
    for (let j = b.length - 1; j >= 0; j--)
      table[i * width + j] =
        a[i] === b[j]
          ? (table[(i + 1) * width + j + 1] ?? 0) + 1
          : Math.max(table[(i + 1) * width + j] ?? 0, table[i * width + j + 1] ?? 0)
  const out: DiffLine[] = []
  let i = 0
  let j = 0
  while (i < a.length || j < b.length) {
    const left = a[i]
    const right = b[j]
    if (left !== undefined && right !== undefined && left === right) {
      out.push({ kind: 'same', text: left })
      i++
      j++
    } else if (
      left !== undefined &&
      (right === undefined || (table[(i + 1) * width + j] ?? 0) >= (table[i * width + j + 1] ?? 0))
    ) {
      // What is taken out is shown before what takes its place.
      out.push({ kind: 'removed', text: left })
      i++
    } else if (right !== undefined) {
      out.push({ kind: 'added', text: right })
      j++
    }
  }
  return out
}

/** Keeps `context` unchanged lines around each change and folds the rest. */
function fold(diff: DiffLine[], context: number): DiffLine[] {
  const near = diff.map((_, index) =>
    diff
      .slice(Math.max(0, index - context), index + context + 1)
      .some((line) => line.kind === 'added' || line.kind === 'removed')
  )
  const out: DiffLine[] = []
  diff.forEach((line, index) => {
    if (line.kind !== 'same' || near[index]) out.push(line)
    else {
      const last = out[out.length - 1]
      if (last?.kind === 'folded') last.count++
      else out.push({ kind: 'folded', count: 1 })
    }
  })
  return out
}
