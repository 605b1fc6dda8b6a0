/**
 * Opens an event stream; `close()` aborts it. (Cancelling the body instead would hang inside the
 * interceptor of msw's setupServer; aborting the request is also what the widget's client does.)
 */
export async function openStream(url: string, headers: Record<string, string>) {
  const controller = new AbortController()
  const response = await fetch(url, { headers, signal: controller.signal })
  return { response, close: () => controller.abort() }
}

/** Reads SSE frames off a fetch Response until `count` events arrived (or `ms` passed). */
export async function readEvents(response: Response, count: number, ms = 2000) {
  const reader = response.body!.getReader()
  const decoder = new TextDecoder()
  const events: Array<{ id: string; event: string; data: any }> = []
  let buffer = ''
  const deadline = Date.now() + ms
  while (events.length < count && Date.now() < deadline) {
    const chunk = await Promise.race([
      reader.read(),
      new Promise<{ done: true; value: undefined }>((r) => setTimeout(() => r({ done: true, value: undefined }), deadline - Date.now())),
    ])
    if (chunk.done) break
    buffer += decoder.decode(chunk.value, { stream: true })
    let end: number
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const frame = buffer.slice(0, end)
      buffer = buffer.slice(end + 2)
      const fields = Object.fromEntries(frame.split('\n').filter((l) => !l.startsWith(':')).map((l) => [l.slice(0, l.indexOf(':')), l.slice(l.indexOf(':') + 2)]))
      if (fields.data) events.push({ id: fields.id ?? "", event: fields.event ?? "message", data: JSON.parse(fields.data) })
    }
  }
  reader.releaseLock()
  return events
}
