/** A refusal shown where it happened, in the server's words. `id` lets the field it blames point at it. */
export function FormError({ message, id }: { message: string | null; id?: string }) {
  if (!message) return null
  return (
    <p class="form-error" role="alert" id={id}>
      {message}
    </p>
  )
}
