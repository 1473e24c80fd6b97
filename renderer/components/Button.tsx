// Every plain button in the app: never a form's submit by accident, and its
// look named by what it means (the tones in styles/controls.css).
import type { ButtonHTMLAttributes, Ref } from 'react'

export type ButtonTone = 'primary' | 'quiet' | 'danger' | 'danger-solid' | 'link'

interface ButtonProps extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'type'> {
  tone?: ButtonTone
  small?: boolean
  ref?: Ref<HTMLButtonElement>
}

export function Button({ tone, small = false, className, ref, ...rest }: ButtonProps) {
  const classes = ['button', small ? 'small' : null, tone ?? null, className ?? null]
  return <button ref={ref} type="button" className={classes.filter(Boolean).join(' ')} {...rest} />
}
